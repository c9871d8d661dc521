import { associateVpcBlock } from '../domain/vpcCidrs';
import { requireVpc } from '../domain/vpc';
import { presentIpv4Association, presentIpv6Association } from '../views/vpc';
import { defineAction } from './define';

/** A secondary IPv4 block or the Amazon-provided IPv6 /56; AWS answers `associating`, Describe shows `associated`. */
export default defineAction('AssociateVpcCidrBlock', (input, ctx) => {
  const vpc = requireVpc(ctx, input.VpcId);
  const block = associateVpcBlock(ctx, vpc, input);
  return block.family === 4
    ? { VpcId: vpc.id, CidrBlockAssociation: presentIpv4Association(block, 'associating') }
    : { VpcId: vpc.id, Ipv6CidrBlockAssociation: presentIpv6Association(block, 'associating') };
});
