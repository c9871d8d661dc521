import { createPermission } from '../domain/interfacePermissions';
import { requireInterface } from '../domain/networkInterfaces';
import { NetworkInterfaceErrors } from '../errors';
import { presentPermission } from '../views/networkInterface';
import { defineAction } from './define';

/** Stored and listed; ec2lite has one operator, so a permission is granted at once. */
export default defineAction('CreateNetworkInterfacePermission', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  if ((input.AwsAccountId === undefined) === (input.AwsService === undefined)) throw NetworkInterfaceErrors.permissionTarget();
  const row = createPermission(ctx, { eniId: eni.id, awsAccountId: input.AwsAccountId, awsService: input.AwsService, permission: input.Permission });
  return { InterfacePermission: presentPermission(row) };
});
