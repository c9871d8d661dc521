import { VpcErrors } from '../errors';
import { defineAction } from './define';

/** EC2-Classic is retired: AWS answers UnsupportedOperation, which amazon.aws's ec2_vpc_net and Terraform expect. */
export default defineAction('DescribeVpcClassicLink', () => {
  throw VpcErrors.classicLinkUnsupported();
});
