import { deletePermission } from '../domain/interfacePermissions';
import { defineAction } from './define';

export default defineAction('DeleteNetworkInterfacePermission', (input, ctx) => {
  deletePermission(ctx, input.NetworkInterfacePermissionId);
  return { Return: true };
});
