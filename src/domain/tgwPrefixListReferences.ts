/**
 * Transit gateway prefix list references (docs/behavior.md "Transit gateways"): a route table's route to every CIDR
 * of a managed prefix list, through an attachment of the table's gateway or to a blackhole (exactly one of the two).
 * One reference per table and list. Create answers `pending`, Modify `modifying`, Delete `deleting`; the back end
 * moves them on after --transit-gateway-ms (the row goes once deleted). A referenced list cannot be deleted.
 */
import type { RequestContext } from '../core/context';
import { TransitGatewayErrors } from '../errors';
import type { ListOptions } from '../store/query';
import type { TgwPrefixListReferenceRow } from '../store/rows';
import { requirePrefixList } from './prefixLists';
import { requireRouteTable, staticTarget } from './transitGateways';

const referenceId = (tableId: string, prefixListId: string) => `${tableId}_${prefixListId}`;

function schedule(ctx: RequestContext, id: string, from: string, to: string): void {
  ctx.backend.schedule(ctx.scope, 'tgw-prefix-list-reference', id, from, to, ctx.now + ctx.config.transitGatewayMs);
}

function requireReference(ctx: RequestContext, tableId: string, prefixListId: string): TgwPrefixListReferenceRow {
  const ref = ctx.store.transitGateways.prefixListReferences.get(ctx.scope, referenceId(tableId, prefixListId));
  if (!ref || ref.state === 'deleting') throw TransitGatewayErrors.prefixListReferenceNotFound(prefixListId, tableId);
  return ref;
}

/** What Create and Modify name: the table, the list, and the target (an attachment, or Blackhole). */
export interface ReferenceRequest {
  TransitGatewayRouteTableId: string;
  PrefixListId: string;
  TransitGatewayAttachmentId?: string;
  Blackhole?: boolean;
}

export function createPrefixListReference(ctx: RequestContext, req: ReferenceRequest): TgwPrefixListReferenceRow {
  const table = requireRouteTable(ctx, req.TransitGatewayRouteTableId);
  const pl = requirePrefixList(ctx, req.PrefixListId);
  const target = staticTarget(ctx, table, req.TransitGatewayAttachmentId, req.Blackhole);
  const id = referenceId(table.id, pl.id);
  if (ctx.store.transitGateways.prefixListReferences.get(ctx.scope, id)) throw TransitGatewayErrors.prefixListReferenceExists(pl.id, table.id);
  ctx.store.transitGateways.prefixListReferences.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    route_table_id: table.id,
    prefix_list_id: pl.id,
    prefix_list_owner_id: pl.account,
    attachment_id: target,
    blackhole: target === null ? 1 : 0,
    state: 'pending',
  });
  schedule(ctx, id, 'pending', 'available');
  return ctx.store.transitGateways.prefixListReferences.get(ctx.scope, id)!;
}

/** A new target (attachment or blackhole) for an existing reference. */
export function modifyPrefixListReference(ctx: RequestContext, req: ReferenceRequest): TgwPrefixListReferenceRow {
  const table = requireRouteTable(ctx, req.TransitGatewayRouteTableId);
  const ref = requireReference(ctx, table.id, req.PrefixListId);
  const target = staticTarget(ctx, table, req.TransitGatewayAttachmentId, req.Blackhole);
  ctx.store.transitGateways.prefixListReferences.update(ref.id, { attachment_id: target, blackhole: target === null ? 1 : 0, state: 'modifying' });
  schedule(ctx, ref.id, 'modifying', 'available');
  return ctx.store.transitGateways.prefixListReferences.get(ctx.scope, ref.id)!;
}

export function deletePrefixListReference(ctx: RequestContext, tableId: string, prefixListId: string): TgwPrefixListReferenceRow {
  const table = requireRouteTable(ctx, tableId);
  const ref = requireReference(ctx, table.id, prefixListId);
  ctx.store.transitGateways.prefixListReferences.update(ref.id, { state: 'deleting' });
  schedule(ctx, ref.id, 'deleting', 'deleted');
  return ctx.store.transitGateways.prefixListReferences.get(ctx.scope, ref.id)!;
}

/** GetTransitGatewayPrefixListReferences: the table's references, filters and pages applied by describe(). */
export function listPrefixListReferences(ctx: RequestContext, tableId: string, opts: ListOptions): TgwPrefixListReferenceRow[] {
  const clauses = [...(opts.clauses ?? []), { sql: 'p.route_table_id = ?', params: [tableId] }];
  return ctx.store.transitGateways.prefixListReferences.list(ctx.scope, { ...opts, clauses });
}

/** The back end: `available`, or gone once `deleted`. */
export function applyPrefixListReferenceTransition(ctx: RequestContext, id: string, to: string): void {
  const repo = ctx.store.transitGateways.prefixListReferences;
  if (!repo.get(ctx.scope, id)) return;
  if (to === 'deleted') repo.delete(id);
  else repo.update(id, { state: to });
}
