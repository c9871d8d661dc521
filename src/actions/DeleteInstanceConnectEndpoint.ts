import { deleteInstanceConnectEndpoint } from '../domain/instanceConnectEndpoints';
import { presentInstanceConnectEndpoints } from '../views/instanceConnectEndpoint';
import { defineAction } from './define';

/** `delete-in-progress`; the back end then removes the endpoint and its interface. */
export default defineAction('DeleteInstanceConnectEndpoint', (input, ctx) => ({
  InstanceConnectEndpoint: presentInstanceConnectEndpoints(ctx, [deleteInstanceConnectEndpoint(ctx, input.InstanceConnectEndpointId)])[0],
}));
