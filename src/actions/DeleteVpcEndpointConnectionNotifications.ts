import { deleteConnectionNotifications } from '../domain/vpcEndpointServices';
import { defineAction } from './define';

/** Unknown ids come back in Unsuccessful. */
export default defineAction('DeleteVpcEndpointConnectionNotifications', (input, ctx) => {
  const failed = deleteConnectionNotifications(ctx, input.ConnectionNotificationIds);
  return { Unsuccessful: failed.map((f) => ({ ResourceId: f.id, Error: { Code: f.code, Message: f.message } })) };
});
