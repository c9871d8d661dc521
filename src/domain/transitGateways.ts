/**
 * Transit gateways (docs/behavior.md "Transit gateways"): the gateway, its route tables, VPC attachments, the
 * attachments' association (one table at most) and propagations, static routes, and the routes a search finds.
 * Gateways, tables and attachments change state through the back end (delay --transit-gateway-ms, 0 by default):
 *
 *   create -> pending --> available            delete -> deleting --> deleted --(--terminated-ttl-ms)--> gone
 *
 * A VPC attachment owns one requester-managed interface (type `transit_gateway`) per subnet, created with it so
 * it takes its subnet address at once and freed when the attachment is deleted. Associations and propagations
 * are immediate (the calls answer `associating` / `enabling` as AWS does). Propagated routes are derived when
 * searched: every IPv4 block of each propagating attachment's VPC. VPC routes through a gateway are active while
 * it is available and attached (available) to the table's VPC (domain/routes.ts).
 */
import type { RequestContext } from '../core/context';
import { TgwPeeringErrors, TransitGatewayErrors, RequestErrors } from '../errors';
import type { Tag, Filter } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type {
  SubnetRow,
  TransitGatewayAttachmentRow,
  TransitGatewayLinkRow,
  TransitGatewayRouteTableRow,
  TransitGatewayRow,
} from '../store/rows';
import { parseCidr, type Cidr, contains } from './cidr';
import { createInterface, deleteInterface } from './networkInterfaces';
import { requireSubnet } from './subnets';
import { applyPeeringTransition } from './transitGatewayPeering';
import { addTags } from './tags';
import { requireVpc } from './vpc';
import { ipv4Blocks } from './vpcCidrs';

/**
 * The RequesterId AWS shows on a transit gateway attachment's interfaces: the service's account. No public
 * capture was found for it (guess); nothing keys on it.
 */
export const TGW_SERVICE_ACCOUNT = '163853540467';

const LIVE = (state: string) => state !== 'deleted' && state !== 'deleting';

// ---- gateways ----

export function requireTransitGateway(ctx: RequestContext, id: string): TransitGatewayRow {
  const tgw = ctx.store.transitGateways.get(ctx.scope, id);
  if (!tgw || tgw.state === 'deleted') throw TransitGatewayErrors.notFound(id);
  return tgw;
}

export function listTransitGateways(ctx: RequestContext, opts: ListOptions): TransitGatewayRow[] {
  return ctx.store.transitGateways.list(ctx.scope, opts);
}

interface GatewayOptions {
  AmazonSideAsn?: number;
  AutoAcceptSharedAttachments?: string;
  DefaultRouteTableAssociation?: string;
  DefaultRouteTablePropagation?: string;
  VpnEcmpSupport?: string;
  DnsSupport?: string;
  SecurityGroupReferencingSupport?: string;
  MulticastSupport?: string;
  TransitGatewayCidrBlocks?: readonly string[];
}

/** AWS: a private ASN, 64512-65534 or 4200000000-4294967294. */
function checkAsn(asn: number): void {
  if (!((asn >= 64512 && asn <= 65534) || (asn >= 4_200_000_000 && asn <= 4_294_967_294))) throw TransitGatewayErrors.asn(asn);
}

function checkCidrBlocks(blocks: readonly string[]): void {
  for (const b of blocks) {
    if (!parseCidr(b)) throw RequestErrors.invalidParameter('TransitGatewayCidrBlocks', b, 'Invalid CIDR block.'); // guess
  }
}

/** CreateTransitGateway: AWS's defaults; enabling default association or propagation creates the default table. */
export function createTransitGateway(ctx: RequestContext, description: string | undefined, o: GatewayOptions, tags: readonly Tag[]): TransitGatewayRow {
  const asn = o.AmazonSideAsn ?? 64512;
  checkAsn(asn);
  checkCidrBlocks(o.TransitGatewayCidrBlocks ?? []);
  const id = ctx.ids.id('tgw');
  const association = o.DefaultRouteTableAssociation ?? 'enable';
  const propagation = o.DefaultRouteTablePropagation ?? 'enable';
  ctx.store.transitGateways.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    description: description ?? null,
    state: 'pending',
    amazon_side_asn: asn,
    auto_accept_shared_attachments: o.AutoAcceptSharedAttachments ?? 'disable',
    default_route_table_association: association,
    default_route_table_propagation: propagation,
    vpn_ecmp_support: o.VpnEcmpSupport ?? 'enable',
    dns_support: o.DnsSupport ?? 'enable',
    security_group_referencing_support: o.SecurityGroupReferencingSupport ?? 'disable',
    multicast_support: o.MulticastSupport ?? 'disable',
    cidr_blocks: JSON.stringify(o.TransitGatewayCidrBlocks ?? []),
    created_at: ctx.now,
  });
  addTags(ctx, id, 'transit-gateway', tags);
  if (association === 'enable' || propagation === 'enable') {
    // one default table serves both, as on AWS
    const table = insertRouteTable(ctx, id);
    ctx.store.transitGateways.update(id, {
      association_default_route_table_id: table,
      propagation_default_route_table_id: table,
    });
  }
  schedule(ctx, id, 'pending', 'available');
  return requireTransitGateway(ctx, id);
}

interface GatewayChanges {
  AddTransitGatewayCidrBlocks?: readonly string[];
  RemoveTransitGatewayCidrBlocks?: readonly string[];
  VpnEcmpSupport?: string;
  DnsSupport?: string;
  SecurityGroupReferencingSupport?: string;
  AutoAcceptSharedAttachments?: string;
  DefaultRouteTableAssociation?: string;
  AssociationDefaultRouteTableId?: string;
  DefaultRouteTablePropagation?: string;
  PropagationDefaultRouteTableId?: string;
  AmazonSideAsn?: number;
}

/** ModifyTransitGateway: the options given change; a named default table must be one of the gateway's. */
export function modifyTransitGateway(ctx: RequestContext, id: string, description: string | undefined, o: GatewayChanges): TransitGatewayRow {
  const tgw = requireTransitGateway(ctx, id);
  if (!LIVE(tgw.state)) throw TransitGatewayErrors.invalidState(tgw.id);
  if (o.AmazonSideAsn !== undefined) checkAsn(o.AmazonSideAsn);
  checkCidrBlocks(o.AddTransitGatewayCidrBlocks ?? []);
  const tableOfGateway = (tableId: string) => {
    const table = requireRouteTable(ctx, tableId);
    if (table.transit_gateway_id !== tgw.id) throw TransitGatewayErrors.routeTableNotFound(tableId);
    return table.id;
  };
  const changes: Partial<TransitGatewayRow> = {};
  if (description !== undefined) changes.description = description;
  if (o.AmazonSideAsn !== undefined) changes.amazon_side_asn = o.AmazonSideAsn;
  if (o.VpnEcmpSupport !== undefined) changes.vpn_ecmp_support = o.VpnEcmpSupport;
  if (o.DnsSupport !== undefined) changes.dns_support = o.DnsSupport;
  if (o.SecurityGroupReferencingSupport !== undefined) changes.security_group_referencing_support = o.SecurityGroupReferencingSupport;
  if (o.AutoAcceptSharedAttachments !== undefined) changes.auto_accept_shared_attachments = o.AutoAcceptSharedAttachments;
  if (o.DefaultRouteTableAssociation !== undefined) changes.default_route_table_association = o.DefaultRouteTableAssociation;
  if (o.DefaultRouteTablePropagation !== undefined) changes.default_route_table_propagation = o.DefaultRouteTablePropagation;
  if (o.AssociationDefaultRouteTableId !== undefined) changes.association_default_route_table_id = tableOfGateway(o.AssociationDefaultRouteTableId);
  if (o.PropagationDefaultRouteTableId !== undefined) changes.propagation_default_route_table_id = tableOfGateway(o.PropagationDefaultRouteTableId);
  if (o.AddTransitGatewayCidrBlocks || o.RemoveTransitGatewayCidrBlocks) {
    const blocks = new Set<string>(JSON.parse(tgw.cidr_blocks) as string[]);
    for (const b of o.AddTransitGatewayCidrBlocks ?? []) blocks.add(b);
    for (const b of o.RemoveTransitGatewayCidrBlocks ?? []) blocks.delete(b);
    changes.cidr_blocks = JSON.stringify([...blocks]);
  }
  // turning a default back on with no live default table: a new one, as AWS creates it
  const next = { ...tgw, ...changes };
  const live = (tableId: string | null) => tableId !== null && LIVE(ctx.store.transitGateways.routeTables.get(ctx.scope, tableId)?.state ?? 'deleted');
  if (
    (next.default_route_table_association === 'enable' && !live(next.association_default_route_table_id)) ||
    (next.default_route_table_propagation === 'enable' && !live(next.propagation_default_route_table_id))
  ) {
    const table = insertRouteTable(ctx, tgw.id);
    if (!live(next.association_default_route_table_id)) changes.association_default_route_table_id = table;
    if (!live(next.propagation_default_route_table_id)) changes.propagation_default_route_table_id = table;
  }
  ctx.store.transitGateways.update(tgw.id, changes);
  return requireTransitGateway(ctx, tgw.id);
}

/** DeleteTransitGateway: refused while attachments live; its route tables go with it. */
export function deleteTransitGateway(ctx: RequestContext, id: string): TransitGatewayRow {
  const tgw = requireTransitGateway(ctx, id);
  if (tgw.state === 'deleting') return tgw;
  const attachments = ctx.store.transitGateways.liveAttachmentsOf(tgw.id);
  const others = attachments.filter((a) => a.resource_type !== 'peering');
  if (others.length > 0) throw TransitGatewayErrors.hasAttachments(tgw.id, others.map((a) => a.id));
  if (attachments.length > 0) {
    // AWS names peering attachments apart ("… Cross Region Peering Attachments: …")
    const crossRegion = attachments.some((a) => a.peer_region !== tgw.region);
    throw TgwPeeringErrors.hasPeerings(tgw.id, attachments.map((a) => a.id), crossRegion);
  }
  for (const table of ctx.store.transitGateways.liveRouteTablesOf(tgw.id)) {
    ctx.store.transitGateways.routeTables.update(table.id, { state: 'deleting' });
    schedule(ctx, table.id, 'deleting', 'deleted');
  }
  ctx.store.transitGateways.update(tgw.id, { state: 'deleting' });
  schedule(ctx, tgw.id, 'deleting', 'deleted');
  ctx.events.routeTargetsChanged(tgw.id);
  return requireTransitGateway(ctx, tgw.id);
}

// ---- back end ----

function delayMs(ctx: RequestContext): number {
  return ctx.config.transitGatewayMs;
}

function schedule(ctx: RequestContext, id: string, from: string, to: string): void {
  const due = to === 'purged' ? ctx.now + ctx.config.terminatedTtlMs : ctx.now + delayMs(ctx);
  ctx.backend.schedule(ctx.scope, 'transit-gateway', id, from, to, due);
}

/** The back end's step for a gateway (`tgw-`), a route table (`tgw-rtb-`) or an attachment (`tgw-attach-`). */
export function applyTransitGatewayTransition(ctx: RequestContext, id: string, to: string): void {
  const repo = ctx.store.transitGateways;
  if (id.startsWith('tgw-rtb-')) {
    const table = repo.routeTables.get(ctx.scope, id);
    if (!table) return;
    if (to === 'available' && table.state === 'pending') repo.routeTables.update(id, { state: 'available' });
    else if (to === 'deleted' && table.state === 'deleting') {
      repo.routeTables.update(id, { state: 'deleted', deleted_at: ctx.now });
      repo.deleteRoutesOfTable(id);
      repo.deleteReferencesOfTable(id); // a table deleted with its gateway frees the prefix lists it referenced
      schedule(ctx, id, 'deleted', 'purged');
    } else if (to === 'purged' && table.state === 'deleted') repo.routeTables.delete(id);
    return;
  }
  if (id.startsWith('tgw-attach-')) {
    const att = repo.attachments.get(ctx.scope, id);
    if (!att) return;
    if (att.resource_type === 'peering') {
      applyPeeringTransition(ctx, att, to);
      return;
    }
    if (to === 'available' && (att.state === 'pending' || att.state === 'modifying')) {
      repo.attachments.update(id, { state: 'available' });
      ctx.events.routeTargetsChanged(att.transit_gateway_id);
    } else if (to === 'deleted' && att.state === 'deleting') {
      for (const s of repo.subnetsOf([id]).get(id) ?? []) removeAttachmentSubnet(ctx, s.attachment_id, s.subnet_id, s.network_interface_id);
      repo.unlinkAttachment(ctx.scope, id);
      repo.attachments.update(id, { state: 'deleted', deleted_at: ctx.now });
      schedule(ctx, id, 'deleted', 'purged');
      ctx.events.routeTargetsChanged(att.transit_gateway_id);
    } else if (to === 'purged' && att.state === 'deleted') repo.attachments.delete(id);
    return;
  }
  const tgw = repo.get(ctx.scope, id);
  if (!tgw) return;
  if (to === 'available' && tgw.state === 'pending') {
    repo.update(id, { state: 'available' });
    ctx.events.routeTargetsChanged(id);
  } else if (to === 'deleted' && tgw.state === 'deleting') {
    repo.update(id, { state: 'deleted', deleted_at: ctx.now });
    schedule(ctx, id, 'deleted', 'purged');
    ctx.events.routeTargetsChanged(id);
  } else if (to === 'purged' && tgw.state === 'deleted') repo.delete(id);
}

// ---- route tables ----

function insertRouteTable(ctx: RequestContext, tgwId: string): string {
  const id = ctx.ids.id('tgw-rtb');
  ctx.store.transitGateways.routeTables.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    transit_gateway_id: tgwId,
    state: 'pending',
    created_at: ctx.now,
  });
  schedule(ctx, id, 'pending', 'available');
  return id;
}

export function requireRouteTable(ctx: RequestContext, id: string): TransitGatewayRouteTableRow {
  const table = ctx.store.transitGateways.routeTables.get(ctx.scope, id);
  if (!table || !LIVE(table.state)) throw TransitGatewayErrors.routeTableNotFound(id);
  return table;
}

export function listRouteTables(ctx: RequestContext, opts: ListOptions): TransitGatewayRouteTableRow[] {
  return ctx.store.transitGateways.routeTables.list(ctx.scope, opts);
}

export function createRouteTable(ctx: RequestContext, tgwId: string, tags: readonly Tag[]): TransitGatewayRouteTableRow {
  const tgw = requireTransitGateway(ctx, tgwId);
  if (!LIVE(tgw.state)) throw TransitGatewayErrors.invalidState(tgw.id);
  const id = insertRouteTable(ctx, tgw.id);
  addTags(ctx, id, 'transit-gateway-route-table', tags);
  return ctx.store.transitGateways.routeTables.get(ctx.scope, id)!;
}

/** DeleteTransitGatewayRouteTable: refused while attachments are associated with it; propagations go with it. */
export function deleteRouteTable(ctx: RequestContext, id: string): TransitGatewayRouteTableRow {
  const repo = ctx.store.transitGateways;
  const table = requireRouteTable(ctx, id);
  if (repo.associationsOfTable(table.id).length > 0) throw TransitGatewayErrors.tableInUse(table.id);
  for (const p of repo.propagationsOfTable(table.id)) repo.deletePropagation(table.id, p.id);
  repo.deleteReferencesOfTable(table.id); // its prefix list references go with it
  const tgw = repo.get(ctx.scope, table.transit_gateway_id);
  if (tgw) {
    // the gateway no longer has that default table (AWS clears the id)
    const changes: Partial<TransitGatewayRow> = {};
    if (tgw.association_default_route_table_id === table.id) changes.association_default_route_table_id = null;
    if (tgw.propagation_default_route_table_id === table.id) changes.propagation_default_route_table_id = null;
    repo.update(tgw.id, changes);
  }
  repo.routeTables.update(table.id, { state: 'deleting' });
  schedule(ctx, table.id, 'deleting', 'deleted');
  return repo.routeTables.get(ctx.scope, table.id)!;
}

// ---- attachments ----

export function requireAttachment(ctx: RequestContext, id: string, vpcOnly = false): TransitGatewayAttachmentRow {
  const att = ctx.store.transitGateways.attachments.get(ctx.scope, id);
  if (!att || att.state === 'deleted' || (vpcOnly && att.resource_type !== 'vpc')) {
    throw vpcOnly ? TransitGatewayErrors.vpcAttachmentNotFound(id) : TransitGatewayErrors.attachmentNotFound(id);
  }
  return att;
}

export function listAttachments(ctx: RequestContext, opts: ListOptions, vpcOnly = false): TransitGatewayAttachmentRow[] {
  const clauses = vpcOnly ? [...(opts.clauses ?? []), { sql: "t.resource_type = 'vpc'", params: [] }] : opts.clauses;
  return ctx.store.transitGateways.attachments.list(ctx.scope, { ...opts, clauses });
}

interface AttachmentOptions {
  DnsSupport?: string;
  SecurityGroupReferencingSupport?: string;
  Ipv6Support?: string;
  ApplianceModeSupport?: string;
}

/** The subnets, checked: each exists, is in the VPC, and no two share a zone (with those already attached). */
function checkSubnets(ctx: RequestContext, vpcId: string, ids: readonly string[], already: readonly SubnetRow[] = []): SubnetRow[] {
  const subnets = ids.map((id) => requireSubnet(ctx, id));
  const zones = new Set(already.map((s) => s.availability_zone));
  for (const s of subnets) {
    if (s.vpc_id !== vpcId) throw TransitGatewayErrors.subnetNotInVpc(s.id, vpcId);
    if (zones.has(s.availability_zone)) throw TransitGatewayErrors.duplicateZone();
    zones.add(s.availability_zone);
  }
  return subnets;
}

function addAttachmentSubnet(ctx: RequestContext, attachmentId: string, subnet: SubnetRow): void {
  const eni = createInterface(ctx, {
    subnet,
    groupIds: [],
    addresses: {},
    description: `Network Interface for Transit Gateway Attachment ${attachmentId}`,
    interfaceType: 'transit_gateway',
    sourceDestCheck: false,
    site: 'interface',
    managedBy: { requesterId: TGW_SERVICE_ACCOUNT },
  });
  ctx.store.transitGateways.addSubnet({ attachment_id: attachmentId, subnet_id: subnet.id, network_interface_id: eni.id });
}

function removeAttachmentSubnet(ctx: RequestContext, attachmentId: string, subnetId: string, eniId: string | null): void {
  const eni = eniId ? ctx.store.networkInterfaces.get(ctx.scope, eniId) : undefined;
  if (eni) deleteInterface(ctx, eni);
  ctx.store.transitGateways.removeSubnet(attachmentId, subnetId);
}

export function createVpcAttachment(
  ctx: RequestContext,
  spec: { TransitGatewayId: string; VpcId: string; SubnetIds: readonly string[]; Options?: AttachmentOptions },
  tags: readonly Tag[],
): TransitGatewayAttachmentRow {
  const repo = ctx.store.transitGateways;
  const tgw = requireTransitGateway(ctx, spec.TransitGatewayId);
  const vpc = requireVpc(ctx, spec.VpcId);
  const subnets = checkSubnets(ctx, vpc.id, [...new Set(spec.SubnetIds)]);
  if (tgw.state !== 'available') throw TransitGatewayErrors.invalidState(tgw.id);
  if (repo.liveAttachment(tgw.id, vpc.id)) throw TransitGatewayErrors.duplicateAttachment(tgw.id);
  const id = ctx.ids.id('tgw-attach');
  const o = spec.Options ?? {};
  repo.attachments.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    transit_gateway_id: tgw.id,
    transit_gateway_owner_id: tgw.account,
    resource_type: 'vpc',
    resource_id: vpc.id,
    resource_owner_id: vpc.account,
    state: 'pending',
    dns_support: o.DnsSupport ?? 'enable',
    ipv6_support: o.Ipv6Support ?? 'disable',
    appliance_mode_support: o.ApplianceModeSupport ?? 'disable',
    security_group_referencing_support: o.SecurityGroupReferencingSupport ?? 'enable',
    created_at: ctx.now,
  });
  for (const s of subnets) addAttachmentSubnet(ctx, id, s);
  addTags(ctx, id, 'transit-gateway-attachment', tags);
  linkToDefaultTables(ctx, tgw, id);
  schedule(ctx, id, 'pending', 'available');
  return repo.attachments.get(ctx.scope, id)!;
}

/** The gateway's defaults for a new attachment: association with and propagation to its default table(s). */
function linkToDefaultTables(ctx: RequestContext, tgw: TransitGatewayRow, attachmentId: string): void {
  if (tgw.default_route_table_association === 'enable' && tgw.association_default_route_table_id) {
    insertLink(ctx, 'associations', attachmentId, tgw.association_default_route_table_id, 'associated');
  }
  if (tgw.default_route_table_propagation === 'enable' && tgw.propagation_default_route_table_id) {
    insertLink(ctx, 'propagations', attachmentId, tgw.propagation_default_route_table_id, 'enabled');
  }
}

/**
 * CreateVpnConnection to a transit gateway: the connection's `vpn` attachment, linked to the gateway's default
 * tables like a VPC attachment and `available` through the back end (moto's AWS-verified
 * test_create_transit_gateway_vpn_attachment). It has no subnets, options or propagated routes of its own here.
 */
export function createVpnAttachment(ctx: RequestContext, tgw: TransitGatewayRow, vpnConnectionId: string): void {
  const id = ctx.ids.id('tgw-attach');
  ctx.store.transitGateways.attachments.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    transit_gateway_id: tgw.id,
    transit_gateway_owner_id: tgw.account,
    resource_type: 'vpn',
    resource_id: vpnConnectionId,
    resource_owner_id: ctx.scope.account,
    state: 'pending',
    dns_support: 'disable',
    ipv6_support: 'disable',
    appliance_mode_support: 'disable',
    security_group_referencing_support: 'disable',
    created_at: ctx.now,
  });
  linkToDefaultTables(ctx, tgw, id);
  schedule(ctx, id, 'pending', 'available');
}

/** DeleteVpnConnection: the connection's attachment goes too (`deleting`, then `deleted` through the back end). */
export function deleteVpnAttachment(ctx: RequestContext, tgwId: string, vpnConnectionId: string): void {
  const att = ctx.store.transitGateways.liveAttachment(tgwId, vpnConnectionId);
  if (!att) return;
  ctx.store.transitGateways.attachments.update(att.id, { state: 'deleting' });
  schedule(ctx, att.id, att.state, 'deleted');
  ctx.events.routeTargetsChanged(att.transit_gateway_id);
}

/** ModifyTransitGatewayVpcAttachment: subnets added (one per zone) or removed (at least one stays), options. */
export function modifyVpcAttachment(
  ctx: RequestContext,
  id: string,
  spec: { AddSubnetIds?: readonly string[]; RemoveSubnetIds?: readonly string[]; Options?: AttachmentOptions },
): TransitGatewayAttachmentRow {
  const repo = ctx.store.transitGateways;
  const att = requireAttachment(ctx, id, true);
  if (att.state !== 'available') throw TransitGatewayErrors.invalidState(att.id);
  const current = repo.subnetsOf([att.id]).get(att.id) ?? [];
  const remove = [...new Set(spec.RemoveSubnetIds ?? [])];
  for (const s of remove) if (!current.some((c) => c.subnet_id === s)) throw TransitGatewayErrors.subnetNotAttached(s, att.id);
  const kept = current.filter((c) => !remove.includes(c.subnet_id));
  const addIds = [...new Set(spec.AddSubnetIds ?? [])];
  for (const s of addIds) if (kept.some((c) => c.subnet_id === s)) throw TransitGatewayErrors.subnetAlreadyAttached(s, att.id);
  const keptRows = kept.map((c) => requireSubnet(ctx, c.subnet_id));
  const added = checkSubnets(ctx, att.resource_id, addIds, keptRows);
  if (kept.length + added.length === 0) throw TransitGatewayErrors.lastSubnet();
  for (const c of current.filter((c) => remove.includes(c.subnet_id))) removeAttachmentSubnet(ctx, att.id, c.subnet_id, c.network_interface_id);
  for (const s of added) addAttachmentSubnet(ctx, att.id, s);
  const o = spec.Options ?? {};
  const changes: Partial<TransitGatewayAttachmentRow> = {};
  if (o.DnsSupport !== undefined) changes.dns_support = o.DnsSupport;
  if (o.Ipv6Support !== undefined) changes.ipv6_support = o.Ipv6Support;
  if (o.ApplianceModeSupport !== undefined) changes.appliance_mode_support = o.ApplianceModeSupport;
  if (o.SecurityGroupReferencingSupport !== undefined) changes.security_group_referencing_support = o.SecurityGroupReferencingSupport;
  repo.attachments.update(att.id, { ...changes, state: 'modifying' });
  schedule(ctx, att.id, 'modifying', 'available');
  return repo.attachments.get(ctx.scope, att.id)!;
}

/** DeleteTransitGatewayVpcAttachment: `deleting`, then `deleted` through the back end, freeing its interfaces. */
export function deleteVpcAttachment(ctx: RequestContext, id: string): TransitGatewayAttachmentRow {
  const att = requireAttachment(ctx, id, true);
  if (att.state !== 'deleting') {
    ctx.store.transitGateways.attachments.update(att.id, { state: 'deleting' });
    schedule(ctx, att.id, att.state, 'deleted');
    ctx.events.routeTargetsChanged(att.transit_gateway_id);
  }
  return ctx.store.transitGateways.attachments.get(ctx.scope, att.id)!;
}

/** The attachment's subnets, keyed by attachment id. */
export function attachmentSubnets(ctx: Pick<RequestContext, 'store'>, ids: readonly string[]): Map<string, string[]> {
  const rows = ctx.store.transitGateways.subnetsOf(ids);
  return new Map([...rows].map(([id, list]) => [id, list.map((r) => r.subnet_id)]));
}

// ---- associations and propagations ----

function insertLink(ctx: RequestContext, kind: 'associations' | 'propagations', attachmentId: string, tableId: string, state: string): void {
  ctx.store.transitGateways[kind].insert({ id: attachmentId, account: ctx.scope.account, region: ctx.scope.region, route_table_id: tableId, state });
}

/** The table and the attachment of one link, checked to belong to one gateway. */
function linkPair(ctx: RequestContext, tableId: string, attachmentId: string) {
  const table = requireRouteTable(ctx, tableId);
  const att = requireAttachment(ctx, attachmentId);
  if (att.transit_gateway_id !== table.transit_gateway_id) throw TransitGatewayErrors.differentGateway(att.id, table.id);
  return { table, att };
}

export function associate(ctx: RequestContext, tableId: string, attachmentId: string): { table: TransitGatewayRouteTableRow; att: TransitGatewayAttachmentRow } {
  const pair = linkPair(ctx, tableId, attachmentId);
  if (!LIVE(pair.att.state)) throw TransitGatewayErrors.invalidState(pair.att.id);
  // AWS: a peering attachment is associated once accepted ("tgw-attach-… is in invalid state" before)
  if (pair.att.resource_type === 'peering' && pair.att.state !== 'available') throw TransitGatewayErrors.invalidState(pair.att.id);
  if (ctx.store.transitGateways.associationsOf(ctx.scope, [pair.att.id]).size > 0) throw TransitGatewayErrors.alreadyAssociated(pair.att.id);
  insertLink(ctx, 'associations', pair.att.id, pair.table.id, 'associated');
  return pair;
}

export function disassociate(ctx: RequestContext, tableId: string, attachmentId: string): { table: TransitGatewayRouteTableRow; att: TransitGatewayAttachmentRow } {
  const pair = linkPair(ctx, tableId, attachmentId);
  const current = ctx.store.transitGateways.associationsOf(ctx.scope, [pair.att.id]).get(pair.att.id);
  if (!current || current.route_table_id !== pair.table.id) throw TransitGatewayErrors.notAssociated(pair.att.id, pair.table.id);
  ctx.store.transitGateways.deleteAssociation(ctx.scope, pair.att.id);
  return pair;
}

export function enablePropagation(ctx: RequestContext, tableId: string, attachmentId: string): { table: TransitGatewayRouteTableRow; att: TransitGatewayAttachmentRow } {
  const pair = linkPair(ctx, tableId, attachmentId);
  // a peering attachment carries static routes only
  if (pair.att.resource_type === 'peering' && pair.att.dynamic_routing !== 'enable') throw TgwPeeringErrors.noPropagation(pair.att.id);
  if (!LIVE(pair.att.state)) throw TransitGatewayErrors.invalidState(pair.att.id);
  if (ctx.store.transitGateways.propagation(pair.table.id, pair.att.id)) throw TransitGatewayErrors.propagationExists(pair.att.id, pair.table.id);
  insertLink(ctx, 'propagations', pair.att.id, pair.table.id, 'enabled');
  return pair;
}

export function disablePropagation(ctx: RequestContext, tableId: string, attachmentId: string): { table: TransitGatewayRouteTableRow; att: TransitGatewayAttachmentRow } {
  const pair = linkPair(ctx, tableId, attachmentId);
  if (!ctx.store.transitGateways.propagation(pair.table.id, pair.att.id)) throw TransitGatewayErrors.propagationNotFound(pair.att.id, pair.table.id);
  ctx.store.transitGateways.deletePropagation(pair.table.id, pair.att.id);
  return pair;
}

/** Associations or propagations of one table, for Get*: the table must exist. */
export function listLinks(ctx: RequestContext, kind: 'associations' | 'propagations', tableId: string, opts: ListOptions): TransitGatewayLinkRow[] {
  const clauses = [...(opts.clauses ?? []), { sql: 'l.route_table_id = ?', params: [tableId] }];
  return ctx.store.transitGateways[kind].list(ctx.scope, { ...opts, clauses });
}

// ---- routes ----

export interface TgwRoute {
  cidr: Cidr;
  type: 'static' | 'propagated';
  state: 'active' | 'blackhole' | 'deleted';
  attachment?: TransitGatewayAttachmentRow;
}

function parseDestination(text: string): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw RequestErrors.invalidParameter('DestinationCidrBlock', text, 'Invalid CIDR block.'); // guess
  return cidr;
}

/** The target of a static route or a prefix list reference: an attachment of the table's gateway, or null for a blackhole. */
export function staticTarget(ctx: RequestContext, table: TransitGatewayRouteTableRow, attachmentId: string | undefined, blackhole: boolean | undefined): string | null {
  if ((attachmentId === undefined) === !blackhole) throw TransitGatewayErrors.routeTarget();
  if (attachmentId === undefined) return null;
  const att = requireAttachment(ctx, attachmentId);
  if (att.transit_gateway_id !== table.transit_gateway_id) throw TransitGatewayErrors.differentGateway(att.id, table.id);
  // a peering that is over (or going) takes no new route; one not yet accepted does (blackhole until available)
  if (att.resource_type === 'peering' && ['deleting', 'rejecting', 'rejected', 'failed'].includes(att.state)) throw TransitGatewayErrors.invalidState(att.id);
  return att.id;
}

export function createTgwRoute(ctx: RequestContext, tableId: string, destination: string, attachmentId?: string, blackhole?: boolean): TgwRoute {
  const table = requireRouteTable(ctx, tableId);
  const cidr = parseDestination(destination);
  const target = staticTarget(ctx, table, attachmentId, blackhole);
  if (ctx.store.transitGateways.staticRoute(table.id, cidr.text)) throw TransitGatewayErrors.routeExists(cidr.text, table.id);
  ctx.store.transitGateways.putStaticRoute(table.id, cidr.text, target, target === null);
  return routesOf(ctx, table).find((r) => r.type === 'static' && r.cidr.text === cidr.text)!;
}

export function replaceTgwRoute(ctx: RequestContext, tableId: string, destination: string, attachmentId?: string, blackhole?: boolean): TgwRoute {
  const table = requireRouteTable(ctx, tableId);
  const cidr = parseDestination(destination);
  const target = staticTarget(ctx, table, attachmentId, blackhole);
  if (!routesOf(ctx, table).some((r) => r.cidr.text === cidr.text)) throw TransitGatewayErrors.routeNotFound(cidr.text, table.id);
  ctx.store.transitGateways.putStaticRoute(table.id, cidr.text, target, target === null);
  return routesOf(ctx, table).find((r) => r.type === 'static' && r.cidr.text === cidr.text)!;
}

export function deleteTgwRoute(ctx: RequestContext, tableId: string, destination: string): TgwRoute {
  const table = requireRouteTable(ctx, tableId);
  const cidr = parseDestination(destination);
  const route = routesOf(ctx, table).find((r) => r.type === 'static' && r.cidr.text === cidr.text);
  if (!route) throw TransitGatewayErrors.routeNotFound(cidr.text, table.id);
  ctx.store.transitGateways.deleteStaticRoute(table.id, cidr.text);
  return { ...route, state: 'deleted' };
}

/**
 * The table's routes: its static routes (blackhole, or to an attachment: active while it is available), then the
 * propagated ones (each IPv4 block of each propagating attachment's VPC) that no static route overrides.
 */
export function routesOf(ctx: RequestContext, table: TransitGatewayRouteTableRow): TgwRoute[] {
  const repo = ctx.store.transitGateways;
  const statics = repo.staticRoutes(table.id);
  const links = repo.propagationsOfTable(table.id);
  const attachments = repo.attachments.getMany(ctx.scope, [...statics.map((r) => r.attachment_id).filter((id): id is string => id !== null), ...links.map((l) => l.id)]);
  const out: TgwRoute[] = statics.map((r) => {
    const att = r.attachment_id ? attachments.get(r.attachment_id) : undefined;
    return { cidr: parseCidr(r.destination_cidr)!, type: 'static', state: !r.blackhole && att?.state === 'available' ? 'active' : 'blackhole', attachment: att };
  });
  const seen = new Set(out.map((r) => r.cidr.text));
  for (const link of links) {
    const att = attachments.get(link.id);
    if (!att || att.state !== 'available' || att.resource_type !== 'vpc') continue;
    const vpc = ctx.store.vpcs.get(ctx.scope, att.resource_id);
    if (!vpc) continue;
    for (const block of ipv4Blocks(ctx, vpc)) {
      if (seen.has(block.cidr.text)) continue;
      seen.add(block.cidr.text);
      out.push({ cidr: block.cidr, type: 'propagated', state: 'active', attachment: att });
    }
  }
  return out;
}

const SEARCH_FILTERS = new Set([
  'attachment.resource-id',
  'attachment.resource-type',
  'attachment.transit-gateway-attachment-id',
  'prefix-list-id',
  'route-search.exact-match',
  'route-search.longest-prefix-match',
  'route-search.subnet-of-match',
  'route-search.supernet-of-match',
  'state',
  'type',
]);
const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const SEARCH_BY_CAMEL = new Map([...SEARCH_FILTERS].map((n) => [camel(n), n]));

/**
 * SearchTransitGatewayRoutes: Filters are required; the route-search.* names match CIDRs (exact, longest prefix
 * containing, subnets of, supernets of); the others match the route's fields. MaxResults caps the answer
 * (default 1000) and AdditionalRoutesAvailable says whether more matched.
 */
export function searchTgwRoutes(ctx: RequestContext, tableId: string, filters: readonly Filter[] | undefined, maxResults?: number) {
  const table = requireRouteTable(ctx, tableId);
  if (!filters || filters.length === 0) throw TransitGatewayErrors.filtersRequired();
  let routes = routesOf(ctx, table);
  for (const f of filters) {
    const raw = f.Name ?? '';
    const name = SEARCH_FILTERS.has(raw) ? raw : SEARCH_BY_CAMEL.get(raw);
    if (!name) throw RequestErrors.invalidFilter(raw);
    const values = f.Values ?? [];
    const cidrs = () => values.map((v) => parseCidr(v)).filter((c): c is Cidr => c !== undefined);
    switch (name) {
      case 'route-search.exact-match':
        routes = routes.filter((r) => values.includes(r.cidr.text));
        break;
      case 'route-search.subnet-of-match':
        routes = routes.filter((r) => cidrs().some((c) => contains(c, r.cidr)));
        break;
      case 'route-search.supernet-of-match':
        routes = routes.filter((r) => cidrs().some((c) => contains(r.cidr, c)));
        break;
      case 'route-search.longest-prefix-match': {
        const keep = new Set<TgwRoute>();
        for (const c of cidrs()) {
          const best = routes.filter((r) => contains(r.cidr, c)).sort((a, b) => b.cidr.prefix - a.cidr.prefix)[0];
          if (best) keep.add(best);
        }
        routes = routes.filter((r) => keep.has(r));
        break;
      }
      case 'state':
        routes = routes.filter((r) => values.includes(r.state));
        break;
      case 'type':
        routes = routes.filter((r) => values.includes(r.type));
        break;
      case 'attachment.resource-id':
        routes = routes.filter((r) => r.attachment !== undefined && values.includes(r.attachment.resource_id));
        break;
      case 'attachment.resource-type':
        routes = routes.filter((r) => r.attachment !== undefined && values.includes(r.attachment.resource_type));
        break;
      case 'attachment.transit-gateway-attachment-id':
        routes = routes.filter((r) => r.attachment !== undefined && values.includes(r.attachment.id));
        break;
      case 'prefix-list-id':
        routes = []; // no prefix-list routes are modelled
        break;
    }
  }
  const limit = maxResults ?? 1000;
  return { routes: routes.slice(0, limit), more: routes.length > limit };
}

/** A VPC route's transit gateway: it must exist and be attached to the table's VPC (AWS refuses otherwise). */
export function requireRouteTargetGateway(ctx: RequestContext, id: string, vpcId: string): TransitGatewayRow {
  const tgw = requireTransitGateway(ctx, id);
  if (!ctx.store.transitGateways.liveAttachment(tgw.id, vpcId)) throw TransitGatewayErrors.notFound(tgw.id);
  return tgw;
}
