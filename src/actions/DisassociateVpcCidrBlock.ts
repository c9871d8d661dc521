import { disassociateVpcBlock } from '../domain/vpcCidrs';
import { presentIpv4Association, presentIpv6Association } from '../views/vpc';
import { defineAction } from './define';

/** AWS answers `disassociating`; the block is gone from the next Describe. */
export default defineAction('DisassociateVpcCidrBlock', (input, ctx) => {
  const { vpcId, block } = disassociateVpcBlock(ctx, input.AssociationId);
  return block.family === 4
    ? { VpcId: vpcId, CidrBlockAssociation: presentIpv4Association(block, 'disassociating') }
    : { VpcId: vpcId, Ipv6CidrBlockAssociation: presentIpv6Association(block, 'disassociating') };
});
