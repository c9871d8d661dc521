import { associateSubnetIpv6 } from '../domain/subnetIpv6';
import { requireSubnet } from '../domain/subnets';
import { requireVpc } from '../domain/vpc';
import { CidrErrors } from '../errors';
import { presentSubnetIpv6Association } from '../views/vpc';
import { defineAction } from './define';

/** The subnet's /64 of its VPC's IPv6 block; AWS answers `associating`, Describe shows `associated`. */
export default defineAction('AssociateSubnetCidrBlock', (input, ctx) => {
  if (input.Ipv6CidrBlock === undefined) throw CidrErrors.blockRequired(); // IPAM pools (Ipv6IpamPoolId) do not exist here
  const subnet = requireSubnet(ctx, input.SubnetId);
  const updated = associateSubnetIpv6(ctx, subnet, requireVpc(ctx, subnet.vpc_id), input.Ipv6CidrBlock);
  return { SubnetId: subnet.id, Ipv6CidrBlockAssociation: presentSubnetIpv6Association(updated, 'associating') };
});
