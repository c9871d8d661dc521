import { deleteNetworkInterface } from '../domain/networkInterfaces';
import { defineAction } from './define';

/** An attached interface (in any attachment state) cannot be deleted; detach it first. */
export default defineAction('DeleteNetworkInterface', (input, ctx) => {
  deleteNetworkInterface(ctx, input.NetworkInterfaceId);
});
