/**
 * VPC peering connections (docs/behavior.md "VPC peering"). A connection joins a VPC of the caller's scope (the
 * requester) to a VPC of any scope of the emulator (the accepter: another account and/or region), and both scopes
 * see it. AWS answers the create at once and checks the peer asynchronously, and so does ec2lite, through the back
 * end:
 *
 *   create -> initiating-request --(back end, delay 0)--> pending-acceptance   (or failed: no such VPC, overlap)
 *   pending-acceptance -> active (Accept, accepter only) | rejected (Reject, accepter only) | deleted (Delete)
 *   active -> deleted (Delete, either side)
 *   failed | rejected | deleted --(--terminated-ttl-ms)--> gone
 *
 * Routes through a connection are active only while it is `active` (domain/routes.ts); every status change
 * reports the connection to the route-state workflow, whichever scope the routes are in.
 */
import type { RequestContext } from '../core/context';
import { NotFoundErrors, PeeringErrors, PeeringStatus } from '../errors';
import type { PeeringConnectionOptionsRequest, Tag } from '../protocol/model/types.generated';
import type { ListOptions, Scope } from '../store/query';
import type { VpcPeeringRow } from '../store/rows';
import { overlaps } from './cidr';
import { isRegionName } from './regions';
import { addTags } from './tags';
import { requireVpc } from './vpc';
import { ipv4Blocks } from './vpcCidrs';

/** AWS: an unaccepted request expires after 7 days (not modelled: `expired` never happens here). */
const EXPIRY_MS = 7 * 24 * 3600 * 1000;

type Connection = Omit<VpcPeeringRow, 'seq'>;

export function requireVpcPeering(ctx: RequestContext, id: string): VpcPeeringRow {
  const pcx = ctx.store.vpcPeerings.get(ctx.scope, id);
  if (!pcx) throw NotFoundErrors.vpcPeering(id);
  return pcx;
}

export function listVpcPeerings(ctx: RequestContext, opts: ListOptions): VpcPeeringRow[] {
  return ctx.store.vpcPeerings.list(ctx.scope, opts);
}

const accepterScope = (p: Connection): Scope => ({ account: p.accepter_account, region: p.accepter_region });
const isRequester = (ctx: RequestContext, p: Connection) => ctx.scope.account === p.account && ctx.scope.region === p.region;
const isAccepter = (ctx: RequestContext, p: Connection) =>
  ctx.scope.account === p.accepter_account && ctx.scope.region === p.accepter_region;

interface NewPeering {
  VpcId: string;
  PeerVpcId?: string;
  PeerOwnerId?: string;
  PeerRegion?: string;
}

/**
 * CreateVpcPeeringConnection: the requester VPC must be the caller's; a peer VPC of the caller's own scope must
 * exist (a synchronous NotFound, as AWS answers), one of another account or region is looked for by the back end,
 * which fails the connection when it is missing or its CIDRs overlap the requester's.
 */
export function createVpcPeering(ctx: RequestContext, spec: NewPeering, tags: readonly Tag[]): VpcPeeringRow {
  const { store, scope } = ctx;
  const vpc = requireVpc(ctx, spec.VpcId);
  if (spec.PeerVpcId === undefined) throw PeeringErrors.peerVpcRequired();
  const accepter: Scope = { account: spec.PeerOwnerId ?? scope.account, region: spec.PeerRegion ?? scope.region };
  if (!/^\d{12}$/.test(accepter.account)) throw PeeringErrors.badOwner(accepter.account);
  if (!isRegionName(accepter.region)) throw PeeringErrors.badRegion(accepter.region);
  const local = accepter.account === scope.account && accepter.region === scope.region;
  if (local) {
    if (spec.PeerVpcId === vpc.id) throw PeeringErrors.sameVpc(vpc.id);
    requireVpc(ctx, spec.PeerVpcId);
  }
  // AWS: one active connection per pair of VPCs (requests may pile up; accepting a second one is refused too)
  if (store.vpcPeerings.activeBetween(vpc.id, spec.PeerVpcId)) throw PeeringErrors.alreadyExists();
  const id = ctx.ids.id('pcx');
  store.vpcPeerings.insert({
    id,
    account: scope.account,
    region: scope.region,
    requester_vpc_id: vpc.id,
    requester_cidr: vpc.cidr,
    accepter_account: accepter.account,
    accepter_region: accepter.region,
    accepter_vpc_id: spec.PeerVpcId,
    accepter_cidr: null,
    status_code: 'initiating-request',
    status_message: PeeringStatus.initiating(accepter.account),
    requester_allow_dns: 0,
    accepter_allow_dns: 0,
    expiration_time: ctx.now + EXPIRY_MS,
    created_at: ctx.now,
    ended_at: null,
  });
  ctx.backend.schedule(scope, 'vpc-peering', id, 'initiating-request', 'pending-acceptance', ctx.now);
  addTags(ctx, id, 'vpc-peering-connection', tags);
  return requireVpcPeering(ctx, id);
}

/** The back end's steps: initiating-request -> pending-acceptance (or failed); failed/rejected/deleted -> gone. */
export function applyVpcPeeringTransition(ctx: RequestContext, id: string, to: string): void {
  const pcx = ctx.store.vpcPeerings.byId(id);
  if (!pcx) return;
  if (to === 'pending-acceptance' && pcx.status_code === 'initiating-request') checkPeer(ctx, pcx);
  else if (to === 'purged' && ['failed', 'rejected', 'deleted'].includes(pcx.status_code)) ctx.store.vpcPeerings.delete(pcx.id);
}

/** What AWS finds out after answering: the peer VPC exists in its scope and no IPv4 block overlaps. */
function checkPeer(ctx: RequestContext, pcx: Connection): void {
  const { store } = ctx;
  const requester = store.vpcs.get({ account: pcx.account, region: pcx.region }, pcx.requester_vpc_id);
  const peer = store.vpcs.get(accepterScope(pcx), pcx.accepter_vpc_id);
  const clash =
    !requester ||
    !peer ||
    requester.id === peer.id ||
    ipv4Blocks(ctx, requester).some((a) => ipv4Blocks(ctx, peer).some((b) => overlaps(a.cidr, b.cidr)));
  if (clash) {
    end(ctx, pcx, 'failed', PeeringStatus.failed(), peer?.cidr ?? null);
    return;
  }
  store.vpcPeerings.update(pcx.id, {
    status_code: 'pending-acceptance',
    status_message: PeeringStatus.pending(pcx.accepter_account),
    accepter_cidr: peer.cidr,
  });
  ctx.events.routeTargetsChanged(pcx.id);
}

/** A final status: kept visible for --terminated-ttl-ms, like terminated instances, then purged. */
function end(ctx: RequestContext, pcx: Connection, code: 'failed' | 'rejected' | 'deleted', message: string, accepterCidr = pcx.accepter_cidr): void {
  ctx.store.vpcPeerings.update(pcx.id, {
    status_code: code,
    status_message: message,
    accepter_cidr: accepterCidr,
    expiration_time: null,
    ended_at: ctx.now,
  });
  ctx.backend.schedule({ account: pcx.account, region: pcx.region }, 'vpc-peering', pcx.id, code, 'purged', ctx.now + ctx.config.terminatedTtlMs);
  ctx.events.routeTargetsChanged(pcx.id);
}

/** Accept and Reject: only the accepter's account, in the accepter's region, while the request is pending. */
function requireAccepterAction(ctx: RequestContext, id: string, operation: 'accept' | 'reject'): VpcPeeringRow {
  const pcx = requireVpcPeering(ctx, id);
  if (ctx.scope.account !== pcx.accepter_account) throw PeeringErrors.notAccepter(ctx.scope.account, pcx.id, operation);
  if (!isAccepter(ctx, pcx)) throw PeeringErrors.wrongRegion(ctx.scope.region, pcx.id, pcx.accepter_region);
  if (pcx.status_code !== 'pending-acceptance') throw PeeringErrors.stateTransition(pcx.id);
  return pcx;
}

export function acceptVpcPeering(ctx: RequestContext, id: string): VpcPeeringRow {
  const pcx = requireAccepterAction(ctx, id, 'accept');
  if (ctx.store.vpcPeerings.activeBetween(pcx.requester_vpc_id, pcx.accepter_vpc_id, pcx.id)) throw PeeringErrors.alreadyExists();
  ctx.store.vpcPeerings.update(pcx.id, { status_code: 'active', status_message: PeeringStatus.active(), expiration_time: null });
  ctx.events.routeTargetsChanged(pcx.id);
  return requireVpcPeering(ctx, id);
}

export function rejectVpcPeering(ctx: RequestContext, id: string): void {
  const pcx = requireAccepterAction(ctx, id, 'reject');
  end(ctx, pcx, 'rejected', PeeringStatus.rejected(ctx.scope.account));
}

/**
 * AWS docs (DeleteVpcPeeringConnection): either owner may delete an active connection; only the requester a
 * pending-acceptance one; a failed or rejected one cannot be deleted.
 */
export function deleteVpcPeering(ctx: RequestContext, id: string): void {
  const pcx = requireVpcPeering(ctx, id);
  const allowed = pcx.status_code === 'active' || (pcx.status_code === 'pending-acceptance' && isRequester(ctx, pcx));
  if (!allowed) throw PeeringErrors.stateTransition(pcx.id);
  end(ctx, pcx, 'deleted', PeeringStatus.deleted(ctx.scope.account));
}

/** DeleteVpc takes its live connections with it (they read as deleted by the VPC's owner). */
export function endPeeringsOfVpc(ctx: RequestContext, vpcId: string): void {
  for (const pcx of ctx.store.vpcPeerings.liveOfVpc(vpcId)) end(ctx, pcx, 'deleted', PeeringStatus.deleted(ctx.scope.account));
}

const CLASSIC_OPTIONS = ['AllowEgressFromLocalClassicLinkToRemoteVpc', 'AllowEgressFromLocalVpcToRemoteClassicLink'] as const;

/**
 * ModifyVpcPeeringConnectionOptions: only AllowDnsResolutionFromRemoteVpc (the ClassicLink ones died with
 * EC2-Classic), on an active connection; each side's options by that side's account in that side's region (AWS
 * docs: "each AWS account owner must initiate a separate request"). Returns the sides that were changed.
 */
export function modifyPeeringOptions(
  ctx: RequestContext,
  id: string,
  requester: PeeringConnectionOptionsRequest | undefined,
  accepter: PeeringConnectionOptionsRequest | undefined,
): { requester?: boolean; accepter?: boolean } {
  const pcx = requireVpcPeering(ctx, id);
  if (requester === undefined && accepter === undefined) throw PeeringErrors.noOptions();
  for (const opts of [requester, accepter]) {
    for (const option of CLASSIC_OPTIONS) if (opts?.[option] !== undefined) throw PeeringErrors.classicLinkOption(option);
  }
  if (pcx.status_code !== 'active') throw PeeringErrors.optionsNotActive(pcx.id);
  if (requester !== undefined && !isRequester(ctx, pcx)) throw PeeringErrors.notOptionsOwner(ctx.scope.account, pcx.id, 'requester');
  if (accepter !== undefined && !isAccepter(ctx, pcx)) throw PeeringErrors.notOptionsOwner(ctx.scope.account, pcx.id, 'accepter');
  const out: { requester?: boolean; accepter?: boolean } = {};
  if (requester !== undefined) {
    out.requester = requester.AllowDnsResolutionFromRemoteVpc ?? pcx.requester_allow_dns === 1;
    ctx.store.vpcPeerings.update(pcx.id, { requester_allow_dns: out.requester ? 1 : 0 });
  }
  if (accepter !== undefined) {
    out.accepter = accepter.AllowDnsResolutionFromRemoteVpc ?? pcx.accepter_allow_dns === 1;
    ctx.store.vpcPeerings.update(pcx.id, { accepter_allow_dns: out.accepter ? 1 : 0 });
  }
  return out;
}

/**
 * A route to a peering from a table of this scope: the connection must be visible here and not over, and the
 * table's VPC must be this scope's side of it. Returns the connection.
 */
export function requireRoutablePeering(ctx: RequestContext, id: string, tableId: string, tableVpcId: string): VpcPeeringRow {
  const pcx = ctx.store.vpcPeerings.get(ctx.scope, id);
  // guess: a connection that is over reads as gone to CreateRoute
  if (!pcx || ['failed', 'rejected', 'deleted'].includes(pcx.status_code)) throw NotFoundErrors.vpcPeering(id);
  const mine = (isRequester(ctx, pcx) && pcx.requester_vpc_id === tableVpcId) || (isAccepter(ctx, pcx) && pcx.accepter_vpc_id === tableVpcId);
  if (!mine) throw PeeringErrors.routeDifferentNetworks(tableId, pcx.id);
  return pcx;
}
