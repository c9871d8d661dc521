import { NetworkInterfaceErrors } from '../errors';
import { presentPermission } from '../views/networkInterface';
import { requireInterface } from './shared/interfaces';
import { defineAction } from './define';

/** Stored and listed; ec2lite has one operator, so a permission is granted at once. */
export default defineAction('CreateNetworkInterfacePermission', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  if ((input.AwsAccountId === undefined) === (input.AwsService === undefined)) throw NetworkInterfaceErrors.permissionTarget();
  const id = ctx.ids.id('eni-perm');
  ctx.store.interfacePermissions.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    network_interface_id: eni.id,
    aws_account_id: input.AwsAccountId ?? null,
    aws_service: input.AwsService ?? null,
    permission: input.Permission,
    state: 'granted',
  });
  return { InterfacePermission: presentPermission(ctx.store.interfacePermissions.get(ctx.scope, id)!) };
});
