/** Network interface permissions: stored and listed; ec2lite has one operator, so a permission is granted at once. */
import type { RequestContext } from '../core/context';
import { NotFoundErrors } from '../errors';
import type { ListOptions } from '../store/query';
import type { NetworkInterfacePermissionRow } from '../store/rows';

interface NewPermission {
  eniId: string;
  awsAccountId?: string;
  awsService?: string;
  permission: string;
}

export function createPermission(ctx: RequestContext, p: NewPermission): NetworkInterfacePermissionRow {
  const id = ctx.ids.id('eni-perm');
  ctx.store.interfacePermissions.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    network_interface_id: p.eniId,
    aws_account_id: p.awsAccountId ?? null,
    aws_service: p.awsService ?? null,
    permission: p.permission,
    state: 'granted',
  });
  return ctx.store.interfacePermissions.get(ctx.scope, id)!;
}

export function deletePermission(ctx: RequestContext, id: string): void {
  const p = ctx.store.interfacePermissions.get(ctx.scope, id);
  if (!p) throw NotFoundErrors.permission(id);
  ctx.store.interfacePermissions.delete(p.id);
}

export function listPermissions(ctx: RequestContext, opts: ListOptions): NetworkInterfacePermissionRow[] {
  return ctx.store.interfacePermissions.list(ctx.scope, opts);
}
