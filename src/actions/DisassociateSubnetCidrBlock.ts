import { disassociateSubnetIpv6 } from '../domain/subnetIpv6';
import { presentSubnetIpv6Association } from '../views/vpc';
import { defineAction } from './define';

/** AWS answers `disassociating`; the block is gone from the next Describe. */
export default defineAction('DisassociateSubnetCidrBlock', (input, ctx) => {
  const subnet = disassociateSubnetIpv6(ctx, input.AssociationId);
  return { SubnetId: subnet.id, Ipv6CidrBlockAssociation: presentSubnetIpv6Association(subnet, 'disassociating') };
});
