import { VpcErrors } from '../errors';
import { defineAction } from './define';

/** EC2-Classic is retired: AWS answers UnsupportedOperation, which amazon.aws's ec2_vpc_net_info expects. */
export default defineAction('DescribeVpcClassicLinkDnsSupport', () => {
  throw VpcErrors.classicLinkUnsupported();
});
