import { decideConnections } from '../domain/vpcEndpointServices';
import { defineAction } from './define';

/** pendingAcceptance, pending or available -> rejected; other endpoints come back in Unsuccessful. */
export default defineAction('RejectVpcEndpointConnections', (input, ctx) => {
  const failed = decideConnections(ctx, input.ServiceId, input.VpcEndpointIds, false);
  return { Unsuccessful: failed.map((f) => ({ ResourceId: f.id, Error: { Code: f.code, Message: f.message } })) };
});
