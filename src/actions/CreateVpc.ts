import { parseCidr } from '../domain/cidr';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { createVpc, requireVpc } from '../domain/vpc';
import { associateAmazonIpv6Block, checkByoipRequest } from '../domain/vpcCidrs';
import { VpcErrors } from '../errors';
import { presentVpcs } from '../views/vpc';
import { defineAction } from './define';

export default defineAction('CreateVpc', (input, ctx) => {
  if (input.CidrBlock === undefined) throw VpcErrors.cidrMissing();
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw VpcErrors.invalidCidr('cidrBlock', input.CidrBlock);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw VpcErrors.vpcRange(input.CidrBlock);
  checkByoipRequest(input);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['vpc']).get('vpc') ?? [];

  const id = createVpc(ctx, { cidr: cidr.text, instanceTenancy: input.InstanceTenancy });
  if (input.AmazonProvidedIpv6CidrBlock) associateAmazonIpv6Block(ctx, requireVpc(ctx, id), true);
  addTags(ctx, id, 'vpc', tags);
  // AWS reports a new VPC as pending (and its IPv6 block as associating); both are usable at once.
  const vpc = presentVpcs(ctx, [requireVpc(ctx, id)])[0];
  const ipv6 = vpc.Ipv6CidrBlockAssociationSet?.map((a) => ({ ...a, Ipv6CidrBlockState: { State: 'associating' as const } }));
  return { Vpc: { ...vpc, State: 'pending', Ipv6CidrBlockAssociationSet: ipv6 } };
});
