import { cancelSpotRequests } from '../domain/spot';
import { defineAction } from './define';

/** Open and active requests become `cancelled`; an instance already launched keeps running. */
export default defineAction('CancelSpotInstanceRequests', (input, ctx) => {
  const out = cancelSpotRequests(ctx, input.SpotInstanceRequestIds);
  return { CancelledSpotInstanceRequests: out.map((r) => ({ SpotInstanceRequestId: r.id, State: r.state as 'cancelled' })) };
});
