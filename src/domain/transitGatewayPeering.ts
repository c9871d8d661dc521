/**
 * Transit gateway peering attachments (docs/behavior.md "Transit gateway peering"). A peering joins a gateway of
 * the caller's scope (the requester) to a gateway of any scope of the emulator (the accepter: another account
 * and/or region), as VPC peering does (domain/vpcPeering.ts). Each side is an attachment row in its own scope
 * (its gateway as TransitGatewayId, the other gateway as ResourceId), so associations, static routes and
 * DescribeTransitGatewayAttachments treat it as any attachment. Across scopes both rows have the same id, as AWS
 * shows one id to both accounts; a peering inside one scope gives the accepter a second id.
 *
 *   create -> initiatingRequest --(back end)--> pendingAcceptance (accepter's row made)   | failed (peer gone)
 *   pendingAcceptance -> pending (Accept, accepter only) --(back end)--> available
 *   pendingAcceptance -> rejecting (Reject, accepter only) --(back end)--> rejected
 *   initiatingRequest | pendingAcceptance | available -> deleting (Delete, either side) --(back end)--> deleted
 *   failed | rejected | deleted --(--terminated-ttl-ms)--> gone
 *
 * Every step changes both sides at once; the back end's steps are scheduled in the requester's scope with the
 * transit gateway kind and delay (--transit-gateway-ms). Static routes to the attachment are active only while
 * it is available (domain/transitGateways.ts routesOf), so deleting it turns them blackhole on both sides.
 */
import type { RequestContext } from '../core/context';
import { TgwPeeringErrors, TgwPeeringStatus, TransitGatewayErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions, Scope } from '../store/query';
import type { TransitGatewayAttachmentRow } from '../store/rows';
import { isRegionName } from './regions';
import { addTags } from './tags';

type Row = TransitGatewayAttachmentRow;
const scopeOf = (r: Row): Scope => ({ account: r.account, region: r.region });
const sameScope = (a: Scope, b: Scope) => a.account === b.account && a.region === b.region;

/** A peering attachment of the caller's scope that is not deleted. */
export function requirePeering(ctx: RequestContext, id: string): Row {
  const att = ctx.store.transitGateways.attachments.get(ctx.scope, id);
  if (!att || att.resource_type !== 'peering' || att.state === 'deleted') throw TgwPeeringErrors.notFound(id);
  return att;
}

export function listPeerings(ctx: RequestContext, opts: ListOptions): Row[] {
  const clauses = [...(opts.clauses ?? []), { sql: "t.resource_type = 'peering'", params: [] }];
  return ctx.store.transitGateways.attachments.list(ctx.scope, { ...opts, clauses });
}

/** The requester's and the accepter's rows (the accepter's is undefined until the request reached it). */
export function peeringPair(ctx: Pick<RequestContext, 'store'>, att: Row): { requester?: Row; accepter?: Row } {
  const sides = ctx.store.transitGateways.peeringSides(att.id);
  return { requester: sides.find((s) => s.peering_role === 'requester'), accepter: sides.find((s) => s.peering_role === 'accepter') };
}

function schedule(ctx: RequestContext, requester: Row, from: string, to: string): void {
  const due = to === 'purged' ? ctx.now + ctx.config.terminatedTtlMs : ctx.now + ctx.config.transitGatewayMs;
  ctx.backend.schedule(scopeOf(requester), 'transit-gateway', requester.id, from, to, due);
}

/** Every side of the peering moves to `state` (with its status message). */
function setState(ctx: RequestContext, requester: Row, state: string, message: string): void {
  const now = state === 'deleted' || state === 'rejected' || state === 'failed' ? ctx.now : null;
  for (const side of ctx.store.transitGateways.peeringSides(requester.id)) {
    ctx.store.transitGateways.updateSide(scopeOf(side), side.id, { state, status_message: message, deleted_at: now });
  }
}

interface NewPeering {
  TransitGatewayId: string;
  PeerTransitGatewayId: string;
  PeerAccountId: string;
  PeerRegion: string;
  Options?: { DynamicRouting?: string };
}

/**
 * One side's attachment row: its own gateway in its scope, the peer gateway (the attachment's resource) in the
 * peer's scope, the role and state. Both sides are built here so they cannot drift apart.
 */
function peeringSide(side: {
  id: string;
  scope: Scope;
  gatewayId: string;
  peerScope: Scope;
  peerGatewayId: string;
  role: 'requester' | 'accepter';
  state: string;
  createdAt: number;
  peerAttachmentId: string | null;
  dynamicRouting: string | null | undefined;
  statusMessage: string;
}) {
  return {
    id: side.id,
    account: side.scope.account,
    region: side.scope.region,
    transit_gateway_id: side.gatewayId,
    transit_gateway_owner_id: side.scope.account,
    resource_type: 'peering',
    resource_id: side.peerGatewayId,
    resource_owner_id: side.peerScope.account,
    state: side.state,
    dns_support: 'disable',
    ipv6_support: 'disable',
    appliance_mode_support: 'disable',
    security_group_referencing_support: 'disable',
    created_at: side.createdAt,
    peering_role: side.role,
    peer_account: side.peerScope.account,
    peer_region: side.peerScope.region,
    peer_attachment_id: side.peerAttachmentId,
    dynamic_routing: side.dynamicRouting,
    status_message: side.statusMessage,
  };
}

/**
 * CreateTransitGatewayPeeringAttachment: the caller's gateway must be available; the peer gateway must exist in
 * the named account and region of this emulator (InvalidTransitGatewayID.NotFound naming it otherwise).
 */
export function createPeering(ctx: RequestContext, spec: NewPeering, tags: readonly Tag[]): Row {
  const repo = ctx.store.transitGateways;
  const tgw = repo.get(ctx.scope, spec.TransitGatewayId);
  if (!tgw || tgw.state === 'deleted') throw TransitGatewayErrors.notFound(spec.TransitGatewayId);
  if (!/^\d{12}$/.test(spec.PeerAccountId)) throw TgwPeeringErrors.badAccount(spec.PeerAccountId);
  if (!isRegionName(spec.PeerRegion)) throw TgwPeeringErrors.badRegion(spec.PeerRegion);
  const peerScope: Scope = { account: spec.PeerAccountId, region: spec.PeerRegion };
  if (spec.PeerTransitGatewayId === tgw.id && sameScope(peerScope, ctx.scope)) throw TgwPeeringErrors.sameGateway(tgw.id);
  const peer = repo.get(peerScope, spec.PeerTransitGatewayId);
  if (!peer || peer.state === 'deleted' || peer.state === 'deleting') throw TransitGatewayErrors.notFound(spec.PeerTransitGatewayId);
  if (tgw.state !== 'available') throw TransitGatewayErrors.invalidState(tgw.id);
  const id = ctx.ids.id('tgw-attach');
  repo.attachments.insert(
    peeringSide({
      id,
      scope: ctx.scope,
      gatewayId: tgw.id,
      peerScope,
      peerGatewayId: peer.id,
      role: 'requester',
      state: 'initiatingRequest',
      createdAt: ctx.now,
      // across scopes the accepter's row has the same id; within one scope it gets its own (set by the back end)
      peerAttachmentId: sameScope(peerScope, ctx.scope) ? null : id,
      // kept as asked: AWS shows Options only on a peering created with them (see presentPeerings)
      dynamicRouting: spec.Options?.DynamicRouting ?? null,
      statusMessage: TgwPeeringStatus.initiatingRequest(peerScope.account),
    }),
  );
  addTags(ctx, id, 'transit-gateway-attachment', tags);
  const row = repo.attachments.get(ctx.scope, id)!;
  schedule(ctx, row, 'initiatingRequest', 'pendingAcceptance');
  return row;
}

/** The back end's steps for a peering attachment; `att` is the requester's row (the steps run in its scope). */
export function applyPeeringTransition(ctx: RequestContext, att: Row, to: string): void {
  const repo = ctx.store.transitGateways;
  if (att.peering_role !== 'requester') return;
  if (to === 'pendingAcceptance' && att.state === 'initiatingRequest') {
    const peerScope: Scope = { account: att.peer_account!, region: att.peer_region! };
    const peer = repo.get(peerScope, att.resource_id);
    if (!peer || peer.state === 'deleted' || peer.state === 'deleting') {
      setState(ctx, att, 'failed', TgwPeeringStatus.failed());
      schedule(ctx, att, 'failed', 'purged');
      return;
    }
    const accepterId = att.peer_attachment_id ?? ctx.ids.id('tgw-attach');
    repo.attachments.insert(
      peeringSide({
        id: accepterId,
        scope: peerScope,
        gatewayId: peer.id,
        peerScope: scopeOf(att),
        peerGatewayId: att.transit_gateway_id,
        role: 'accepter',
        state: 'pendingAcceptance',
        createdAt: att.created_at,
        peerAttachmentId: att.id,
        dynamicRouting: att.dynamic_routing,
        statusMessage: TgwPeeringStatus.pendingAcceptance(peerScope.account),
      }),
    );
    repo.updateSide(scopeOf(att), att.id, {
      state: 'pendingAcceptance',
      peer_attachment_id: accepterId,
      status_message: TgwPeeringStatus.pendingAcceptance(peerScope.account),
    });
  } else if (to === 'available' && att.state === 'pending') {
    setState(ctx, att, 'available', TgwPeeringStatus.available());
  } else if (to === 'rejected' && att.state === 'rejecting') {
    setState(ctx, att, 'rejected', TgwPeeringStatus.rejected());
    schedule(ctx, att, 'rejected', 'purged');
  } else if (to === 'deleted' && att.state === 'deleting') {
    for (const side of repo.peeringSides(att.id)) repo.unlinkAttachment(scopeOf(side), side.id);
    setState(ctx, att, 'deleted', TgwPeeringStatus.deleted());
    schedule(ctx, att, 'deleted', 'purged');
  } else if (to === 'purged' && ['deleted', 'rejected', 'failed'].includes(att.state)) {
    for (const side of repo.peeringSides(att.id)) repo.deleteSide(scopeOf(side), side.id);
  }
}

/** Accept and Reject: the accepter's row only (the requester's is "the source of the peering request"). */
function requireAccepterSide(ctx: RequestContext, id: string, operation: 'accept' | 'reject'): { mine: Row; requester: Row } {
  const mine = requirePeering(ctx, id);
  if (mine.peering_role !== 'accepter') throw TgwPeeringErrors.requesterSide(operation, mine.id);
  if (mine.state !== 'pendingAcceptance') throw TransitGatewayErrors.invalidState(mine.id);
  const { requester } = peeringPair(ctx, mine);
  if (!requester) throw TransitGatewayErrors.invalidState(mine.id);
  return { mine, requester };
}

/**
 * AcceptTransitGatewayPeeringAttachment: both sides `pending`, then `available` through the back end. Each side
 * whose gateway has default association on is associated with its default table (what AWS does on accept).
 */
export function acceptPeering(ctx: RequestContext, id: string): Row {
  const repo = ctx.store.transitGateways;
  const { mine, requester } = requireAccepterSide(ctx, id, 'accept');
  setState(ctx, requester, 'pending', TgwPeeringStatus.pending());
  for (const side of repo.peeringSides(requester.id)) {
    const tgw = repo.get(scopeOf(side), side.transit_gateway_id);
    if (tgw?.default_route_table_association !== 'enable' || !tgw.association_default_route_table_id) continue;
    if (repo.associationsOf(scopeOf(side), [side.id]).size > 0) continue;
    repo.associations.insert({
      id: side.id,
      account: side.account,
      region: side.region,
      route_table_id: tgw.association_default_route_table_id,
      state: 'associated',
    });
  }
  schedule(ctx, requester, 'pending', 'available');
  return repo.attachments.get(ctx.scope, mine.id)!;
}

/** RejectTransitGatewayPeeringAttachment: both sides `rejecting`, then `rejected` through the back end. */
export function rejectPeering(ctx: RequestContext, id: string): Row {
  const { mine, requester } = requireAccepterSide(ctx, id, 'reject');
  setState(ctx, requester, 'rejecting', TgwPeeringStatus.rejecting());
  schedule(ctx, requester, 'rejecting', 'rejected');
  return ctx.store.transitGateways.attachments.get(ctx.scope, mine.id)!;
}

const DELETABLE = new Set(['initiatingRequest', 'pendingAcceptance', 'available']);

/** DeleteTransitGatewayPeeringAttachment: either side; both `deleting`, then `deleted` through the back end. */
export function deletePeering(ctx: RequestContext, id: string): Row {
  const mine = requirePeering(ctx, id);
  if (mine.state === 'deleting') return mine;
  if (!DELETABLE.has(mine.state)) throw TransitGatewayErrors.invalidState(mine.id);
  const requester = mine.peering_role === 'requester' ? mine : peeringPair(ctx, mine).requester;
  if (!requester) throw TransitGatewayErrors.invalidState(mine.id);
  setState(ctx, requester, 'deleting', TgwPeeringStatus.deleting());
  schedule(ctx, requester, 'deleting', 'deleted');
  return ctx.store.transitGateways.attachments.get(ctx.scope, mine.id)!;
}
