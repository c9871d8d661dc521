import { createConnectionNotification } from '../domain/vpcEndpointServices';
import { requireVpcEndpoint } from '../domain/vpcEndpoints';
import { presentConnectionNotifications } from '../views/vpcEndpointService';
import { defineAction } from './define';

/** An SNS topic for one of the caller's services or endpoints (stored; ec2lite publishes nothing). */
export default defineAction('CreateVpcEndpointConnectionNotification', (input, ctx) => {
  const n = createConnectionNotification(ctx, input, (id) => requireVpcEndpoint(ctx, id));
  return { ConnectionNotification: presentConnectionNotifications([n])[0], ClientToken: input.ClientToken };
});
