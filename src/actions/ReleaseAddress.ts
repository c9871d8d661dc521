import { releaseAddress } from '../domain/elasticIps';
import { defineAction } from './define';

/** An associated Elastic IP must be disassociated first. */
export default defineAction('ReleaseAddress', (input, ctx) => {
  releaseAddress(ctx, input.AllocationId, input.PublicIp);
});
