import { allocateAddress } from '../domain/elasticIps';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { defineAction } from './define';

/** Elastic IPs come from ec2lite's public pool (198.18.0.0/15); Domain is always vpc. */
export default defineAction('AllocateAddress', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['elastic-ip']).get('elastic-ip') ?? [];
  const a = allocateAddress(ctx, input.Address);
  addTags(ctx, a.allocation_id!, 'elastic-ip', tags);
  return { AllocationId: a.allocation_id!, PublicIpv4Pool: 'amazon', NetworkBorderGroup: ctx.scope.region, Domain: 'vpc', PublicIp: a.public_ip };
});
