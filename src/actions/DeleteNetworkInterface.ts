import { deleteInterface } from '../domain/networkInterfaces';
import { NetworkInterfaceErrors } from '../errors';
import { requireInterface } from './shared/interfaces';
import { defineAction } from './define';

/** An attached interface (in any attachment state) cannot be deleted; detach it first. */
export default defineAction('DeleteNetworkInterface', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  if (ctx.store.attachments.ofInterface(eni.id)) throw NetworkInterfaceErrors.deleteInUse(eni.id);
  if (eni.requester_managed === 1) throw NetworkInterfaceErrors.deleteManaged(eni.id);
  deleteInterface(ctx, eni);
});
