import { modifyConnectionNotification } from '../domain/vpcEndpointServices';
import { defineAction } from './define';

export default defineAction('ModifyVpcEndpointConnectionNotification', (input, ctx) => {
  modifyConnectionNotification(ctx, input.ConnectionNotificationId, input.ConnectionNotificationArn, input.ConnectionEvents);
  return { ReturnValue: true };
});
