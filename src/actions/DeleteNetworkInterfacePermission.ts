import { NotFoundErrors } from '../errors';
import { defineAction } from './define';

export default defineAction('DeleteNetworkInterfacePermission', (input, ctx) => {
  const p = ctx.store.interfacePermissions.get(ctx.scope, input.NetworkInterfacePermissionId);
  if (!p) throw NotFoundErrors.permission(input.NetworkInterfacePermissionId);
  ctx.store.interfacePermissions.delete(p.id);
  return { Return: true };
});
