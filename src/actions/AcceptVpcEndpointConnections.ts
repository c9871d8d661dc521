import { decideConnections } from '../domain/vpcEndpointServices';
import { defineAction } from './define';

/** pendingAcceptance -> pending -> available (back end); other endpoints come back in Unsuccessful. */
export default defineAction('AcceptVpcEndpointConnections', (input, ctx) => {
  const failed = decideConnections(ctx, input.ServiceId, input.VpcEndpointIds, true);
  return { Unsuccessful: failed.map((f) => ({ ResourceId: f.id, Error: { Code: f.code, Message: f.message } })) };
});
