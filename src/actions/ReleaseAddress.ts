import { requireAllocation } from '../domain/elasticIps';
import { ElasticIpErrors } from '../errors';
import { defineAction } from './define';

/** An associated Elastic IP must be disassociated first. */
export default defineAction('ReleaseAddress', (input, ctx) => {
  const a = requireAllocation(ctx, input.AllocationId, input.PublicIp, 'release');
  if (a.association_id) throw ElasticIpErrors.inUse(a.allocation_id!);
  ctx.store.addresses.delete(a.public_ip);
});
