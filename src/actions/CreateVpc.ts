import { parseCidr } from '../domain/cidr';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { createVpc, requireVpc } from '../domain/vpc';
import { VpcErrors } from '../errors';
import { presentVpcs } from '../views/vpc';
import { defineAction } from './define';

export default defineAction('CreateVpc', (input, ctx) => {
  if (input.CidrBlock === undefined) throw VpcErrors.cidrMissing();
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw VpcErrors.invalidCidr('cidrBlock', input.CidrBlock);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw VpcErrors.vpcRange(input.CidrBlock);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['vpc']).get('vpc') ?? [];

  const id = createVpc(ctx, { cidr: cidr.text, instanceTenancy: input.InstanceTenancy });
  addTags(ctx, id, 'vpc', tags);
  // AWS reports a new VPC as pending; it is usable (available) at once.
  return { Vpc: { ...presentVpcs(ctx, [requireVpc(ctx, id)])[0], State: 'pending' } };
});
