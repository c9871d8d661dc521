/**
 * Virtual private gateways, customer gateways, VPN connections and route propagation (docs/behavior.md "VPN gateways
 * and connections"). Slow steps go through the back end (--vpn-ms, 0 by default):
 *
 *   AttachVpnGateway  -> attaching --> attached        DetachVpnGateway -> detaching --> detached
 *   CreateVpnConnection -> pending --> available       DeleteVpnConnection -> deleting --> deleted
 *
 * Deleted gateways and connections stay visible (state `deleted`) for --terminated-ttl-ms, as AWS shows them.
 * A route table that propagates from a gateway attached to its VPC receives the static routes of the gateway's
 * available connections (origin `EnableVgwRoutePropagation`); the view computes them, nothing is copied.
 */
import type { RequestContext } from '../core/context';
import { RequestErrors, TransitGatewayErrors, VpcErrors, VpnErrors } from '../errors';
import type { Tag, VpnConnectionOptionsSpecification } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { CustomerGatewayRow, TransitGatewayRow, VpnConnectionRow, VpnGatewayRow } from '../store/rows';
import { isIpv4, parseCidr } from './cidr';
import { dropGatewayAssociation, requireRouteTable } from './routeTables';
import { addTags } from './tags';
import { createVpnAttachment, deleteVpnAttachment } from './transitGateways';
import { requireVpc } from './vpc';

const LIVE_ATTACHMENT = new Set(['attaching', 'attached', 'detaching']);

// ---------------------------------------------------------------------------------------------- VPN gateways

export function requireVpnGateway(ctx: RequestContext, id: string): VpnGatewayRow {
  const vgw = ctx.store.vpnGateways.get(ctx.scope, id);
  if (!vgw) throw VpnErrors.vpnGatewayNotFound(id);
  return vgw;
}

/** A gateway that can still be used (a deleted one reads as gone). */
function requireLiveVpnGateway(ctx: RequestContext, id: string): VpnGatewayRow {
  const vgw = requireVpnGateway(ctx, id);
  if (vgw.state === 'deleted') throw VpnErrors.vpnGatewayNotFound(id);
  return vgw;
}

export function listVpnGateways(ctx: RequestContext, opts: ListOptions): VpnGatewayRow[] {
  return ctx.store.vpnGateways.list(ctx.scope, opts);
}

/** The private ASNs AWS accepts for the Amazon side, and its legacy public ones. */
function validAmazonAsn(asn: number): boolean {
  return (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294) || [7224, 9059, 10124, 17493].includes(asn);
}

export function createVpnGateway(
  ctx: RequestContext,
  spec: { Type: string; AmazonSideAsn?: number; AvailabilityZone?: string },
  tags: readonly Tag[],
): VpnGatewayRow {
  if (spec.Type !== 'ipsec.1') throw VpnErrors.invalidType('type', spec.Type);
  const asn = spec.AmazonSideAsn ?? 64512; // AWS's default Amazon side ASN
  if (!validAmazonAsn(asn)) throw VpnErrors.invalidAsn(asn);
  const id = ctx.ids.id('vgw');
  ctx.store.vpnGateways.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    type: spec.Type,
    amazon_side_asn: asn,
    availability_zone: spec.AvailabilityZone ?? null,
    state: 'available',
    vpc_id: null,
    attachment_state: null,
    created_at: ctx.now,
  });
  addTags(ctx, id, 'vpn-gateway', tags);
  return requireVpnGateway(ctx, id);
}

/** One VPC per gateway and one gateway per VPC; `attaching` now, `attached` through the back end. */
export function attachVpnGateway(ctx: RequestContext, vgwId: string, vpcId: string): VpnGatewayRow {
  const vgw = requireLiveVpnGateway(ctx, vgwId);
  const vpc = requireVpc(ctx, vpcId);
  const attached = vgw.attachment_state !== null && LIVE_ATTACHMENT.has(vgw.attachment_state);
  if (attached && vgw.vpc_id === vpc.id && vgw.attachment_state !== 'detaching') return vgw; // guess: a repeat answers the attachment
  if (attached) throw VpnErrors.gatewayAttached(vgw.id);
  if (ctx.store.vpnGateways.ofVpc(vpc.id)) throw VpnErrors.vpcHasGateway(vpc.id);
  ctx.store.vpnGateways.update(vgw.id, { vpc_id: vpc.id, attachment_state: 'attaching' });
  ctx.backend.schedule(ctx.scope, 'vpn-attachment', vgw.id, 'attaching', 'attached', ctx.now + ctx.config.vpnMs);
  return requireVpnGateway(ctx, vgw.id);
}

export function detachVpnGateway(ctx: RequestContext, vgwId: string, vpcId: string): void {
  const vgw = requireLiveVpnGateway(ctx, vgwId);
  requireVpc(ctx, vpcId);
  if (vgw.vpc_id !== vpcId || (vgw.attachment_state !== 'attaching' && vgw.attachment_state !== 'attached')) {
    if (vgw.vpc_id === vpcId && vgw.attachment_state === 'detaching') return;
    throw VpnErrors.attachmentNotFound(vgw.id, vpcId);
  }
  ctx.store.vpnGateways.update(vgw.id, { attachment_state: 'detaching' });
  dropGatewayAssociation(ctx, vgw.id);
  ctx.backend.schedule(ctx.scope, 'vpn-attachment', vgw.id, 'detaching', 'detached', ctx.now + ctx.config.vpnMs);
  ctx.events.routeTargetsChanged(vgw.id);
}

/** Refused while attached or while a VPN connection uses it; then `deleted`, its propagations gone. */
export function deleteVpnGateway(ctx: RequestContext, vgwId: string): void {
  const vgw = requireLiveVpnGateway(ctx, vgwId);
  if (vgw.attachment_state !== null && LIVE_ATTACHMENT.has(vgw.attachment_state)) throw VpnErrors.gatewayInUse();
  if (ctx.store.vpnConnections.liveOfVpnGateway(vgw.id).some((c) => c.state !== 'deleting')) throw VpnErrors.gatewayInUse();
  ctx.store.vpnGateways.update(vgw.id, { state: 'deleted', deleted_at: ctx.now });
  ctx.store.routePropagations.removeGateway(vgw.id);
  ctx.backend.schedule(ctx.scope, 'vpn-gateway', vgw.id, 'deleted', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  ctx.events.routeTargetsChanged(vgw.id);
}

/** The back end's steps for an attachment: attaching -> attached, detaching -> detached. */
export function applyVpnAttachmentTransition(ctx: RequestContext, vgwId: string, to: string): void {
  const vgw = ctx.store.vpnGateways.get(ctx.scope, vgwId);
  if (!vgw) return;
  if ((to === 'attached' && vgw.attachment_state === 'attaching') || (to === 'detached' && vgw.attachment_state === 'detaching')) {
    ctx.store.vpnGateways.update(vgw.id, { attachment_state: to });
    ctx.events.routeTargetsChanged(vgw.id);
  }
}

export function applyVpnGatewayTransition(ctx: RequestContext, vgwId: string, to: string): void {
  const vgw = ctx.store.vpnGateways.get(ctx.scope, vgwId);
  if (vgw && to === 'purged' && vgw.state === 'deleted') ctx.store.vpnGateways.delete(vgw.id);
}

/** Whether routes through this gateway in this VPC are active: it is attached to the VPC. */
export function vpnGatewayServes(vgw: VpnGatewayRow | undefined, vpcId: string): boolean {
  return vgw !== undefined && vgw.state !== 'deleted' && vgw.vpc_id === vpcId && vgw.attachment_state === 'attached';
}

// ----------------------------------------------------------------------------------------- route propagation

export function enableVgwRoutePropagation(ctx: RequestContext, tableId: string, vgwId: string): void {
  const table = requireRouteTable(ctx, tableId);
  const vgw = requireLiveVpnGateway(ctx, vgwId);
  if (vgw.vpc_id !== table.vpc_id || vgw.attachment_state === null || !LIVE_ATTACHMENT.has(vgw.attachment_state)) {
    throw VpnErrors.propagationVpc(vgw.id, table.vpc_id);
  }
  ctx.store.routePropagations.add(table.id, vgw.id);
}

/** Disabling a propagation that is not enabled is a no-op, as on AWS. */
export function disableVgwRoutePropagation(ctx: RequestContext, tableId: string, vgwId: string): void {
  const table = requireRouteTable(ctx, tableId);
  const vgw = requireVpnGateway(ctx, vgwId);
  ctx.store.routePropagations.remove(table.id, vgw.id);
}

// ------------------------------------------------------------------------------------------ customer gateways

export function requireCustomerGateway(ctx: RequestContext, id: string): CustomerGatewayRow {
  const cgw = ctx.store.customerGateways.get(ctx.scope, id);
  if (!cgw) throw VpnErrors.customerGatewayNotFound(id);
  return cgw;
}

export function listCustomerGateways(ctx: RequestContext, opts: ListOptions): CustomerGatewayRow[] {
  return ctx.store.customerGateways.list(ctx.scope, opts);
}

interface NewCustomerGateway {
  Type: string;
  BgpAsn?: number;
  BgpAsnExtended?: number;
  IpAddress?: string;
  PublicIp?: string;
  CertificateArn?: string;
  DeviceName?: string;
}

/**
 * CreateCustomerGateway. AWS answers the existing gateway when one with the same address, ASN and type exists
 * (documented idempotency), tags of the repeat left aside.
 */
export function createCustomerGateway(ctx: RequestContext, spec: NewCustomerGateway, tags: readonly Tag[]): CustomerGatewayRow {
  if (spec.Type !== 'ipsec.1') throw VpnErrors.invalidType('type', spec.Type);
  if (spec.BgpAsn !== undefined && spec.BgpAsnExtended !== undefined) throw RequestErrors.combination('Only one of BgpAsn and BgpAsnExtended can be specified.'); // guess
  const asn = spec.BgpAsn ?? spec.BgpAsnExtended ?? 65000; // AWS's default customer side ASN
  if (asn < 1 || asn > 4294967294) throw VpnErrors.invalidBgpAsn(asn);
  const ip = spec.IpAddress ?? spec.PublicIp;
  if (ip === undefined && spec.CertificateArn === undefined) throw VpnErrors.ipRequired();
  if (ip !== undefined && !isIpv4(ip)) throw VpnErrors.invalidIp(ip);
  const same = ctx.store.customerGateways.same(ctx.scope.account, ctx.scope.region, ip ?? null, asn, spec.Type);
  if (same) return same;
  const id = ctx.ids.id('cgw');
  ctx.store.customerGateways.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    type: spec.Type,
    bgp_asn: asn,
    ip_address: ip ?? null,
    certificate_arn: spec.CertificateArn ?? null,
    device_name: spec.DeviceName ?? null,
    state: 'available',
  });
  addTags(ctx, id, 'customer-gateway', tags);
  return requireCustomerGateway(ctx, id);
}

/** Refused while a VPN connection (not deleted) uses it. */
export function deleteCustomerGateway(ctx: RequestContext, id: string): void {
  const cgw = requireCustomerGateway(ctx, id);
  if (cgw.state === 'deleted') throw VpnErrors.customerGatewayNotFound(id);
  if (ctx.store.vpnConnections.liveOfCustomerGateway(cgw.id).length > 0) throw VpnErrors.customerGatewayInUse(cgw.id);
  ctx.store.customerGateways.update(cgw.id, { state: 'deleted', deleted_at: ctx.now });
  ctx.backend.schedule(ctx.scope, 'customer-gateway', cgw.id, 'deleted', 'purged', ctx.now + ctx.config.terminatedTtlMs);
}

export function applyCustomerGatewayTransition(ctx: RequestContext, id: string, to: string): void {
  const cgw = ctx.store.customerGateways.get(ctx.scope, id);
  if (cgw && to === 'purged' && cgw.state === 'deleted') ctx.store.customerGateways.delete(cgw.id);
}

// ------------------------------------------------------------------------------------------- VPN connections

/** A tunnel as stored: its outside address, inside CIDR and pre-shared key (given or made up). */
export interface StoredTunnel {
  outsideIp: string;
  insideCidr: string;
  preSharedKey: string;
}

export function requireVpnConnection(ctx: RequestContext, id: string): VpnConnectionRow {
  const vpn = ctx.store.vpnConnections.get(ctx.scope, id);
  if (!vpn) throw VpnErrors.vpnConnectionNotFound(id);
  return vpn;
}

export function listVpnConnections(ctx: RequestContext, opts: ListOptions): VpnConnectionRow[] {
  return ctx.store.vpnConnections.list(ctx.scope, opts);
}

interface NewVpnConnection {
  Type: string;
  CustomerGatewayId: string;
  VpnGatewayId?: string;
  TransitGatewayId?: string;
  Options?: VpnConnectionOptionsSpecification;
}

const PSK_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._';

/** Two tunnels, each with an AWS-side outside address (documentation range 203.0.113.0/24) and a /30 in 169.254/16. */
function makeTunnels(ctx: RequestContext, options: VpnConnectionOptionsSpecification | undefined): StoredTunnel[] {
  return [0, 1].map((i) => {
    const given = options?.TunnelOptions?.[i];
    const block = ctx.ids.int(16384); // a /30 of 169.254.0.0/16 (AWS avoids a few reserved ones; so do the odds)
    const insideCidr = given?.TunnelInsideCidr ?? `169.254.${block >> 6}.${(block & 63) * 4}/30`;
    let psk = given?.PreSharedKey;
    if (psk === undefined) {
      psk = '';
      for (let k = 0; k < 32; k++) psk += PSK_CHARS[ctx.ids.int(PSK_CHARS.length)];
    }
    return { outsideIp: `203.0.113.${1 + ctx.ids.int(254)}`, insideCidr, preSharedKey: psk };
  });
}

/**
 * CreateVpnConnection: the customer gateway and the VPN gateway or the transit gateway must exist (the latter gets
 * the connection's `vpn` attachment). `pending` now, `available` through the back end.
 */
export function createVpnConnection(ctx: RequestContext, spec: NewVpnConnection, tags: readonly Tag[]): VpnConnectionRow {
  if (spec.Type !== 'ipsec.1') throw VpnErrors.invalidType('type', spec.Type);
  if (spec.VpnGatewayId !== undefined && spec.TransitGatewayId !== undefined) throw VpnErrors.bothGateways();
  const cgw = requireCustomerGateway(ctx, spec.CustomerGatewayId);
  if (cgw.state !== 'available') throw VpnErrors.customerGatewayNotFound(cgw.id);
  const tgw = spec.TransitGatewayId === undefined ? undefined : requireVpnTransitGateway(ctx, spec.TransitGatewayId);
  if (!tgw && spec.VpnGatewayId === undefined) throw VpnErrors.gatewayRequired();
  const vgw = spec.VpnGatewayId === undefined ? undefined : requireLiveVpnGateway(ctx, spec.VpnGatewayId);
  for (const t of spec.Options?.TunnelOptions ?? []) {
    const cidr = t.TunnelInsideCidr !== undefined ? parseCidr(t.TunnelInsideCidr) : undefined;
    if (t.TunnelInsideCidr !== undefined && (!cidr || cidr.prefix !== 30 || !cidr.text.startsWith('169.254.'))) {
      throw VpcErrors.invalidCidr('TunnelInsideCidr', t.TunnelInsideCidr); // guess: AWS wants a /30 of 169.254.0.0/16
    }
  }
  const id = ctx.ids.id('vpn');
  ctx.store.vpnConnections.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    type: spec.Type,
    customer_gateway_id: cgw.id,
    vpn_gateway_id: vgw?.id ?? null,
    transit_gateway_id: tgw?.id ?? null,
    static_routes_only: spec.Options?.StaticRoutesOnly ? 1 : 0,
    options: JSON.stringify(spec.Options ?? {}),
    tunnel_ips: JSON.stringify(makeTunnels(ctx, spec.Options)),
    state: 'pending',
    created_at: ctx.now,
  });
  addTags(ctx, id, 'vpn-connection', tags);
  if (tgw) createVpnAttachment(ctx, tgw, id);
  ctx.backend.schedule(ctx.scope, 'vpn-connection', id, 'pending', 'available', ctx.now + ctx.config.vpnMs);
  return requireVpnConnection(ctx, id);
}

/** Any id that is not a live gateway of this scope is not found (AWS does not check its form here). */
function requireVpnTransitGateway(ctx: RequestContext, id: string): TransitGatewayRow {
  const tgw = ctx.store.transitGateways.get(ctx.scope, id);
  if (!tgw || tgw.state === 'deleting' || tgw.state === 'deleted') throw VpnErrors.transitGatewayNotFound(id);
  if (tgw.state !== 'available') throw TransitGatewayErrors.invalidState(tgw.id);
  return tgw;
}

export function deleteVpnConnection(ctx: RequestContext, id: string): void {
  const vpn = requireVpnConnection(ctx, id);
  if (vpn.state === 'deleted') throw VpnErrors.vpnConnectionNotFound(id); // guess: a deleted connection reads as gone
  if (vpn.state === 'deleting') return;
  ctx.store.vpnConnections.update(vpn.id, { state: 'deleting' });
  if (vpn.transit_gateway_id) deleteVpnAttachment(ctx, vpn.transit_gateway_id, vpn.id);
  ctx.backend.schedule(ctx.scope, 'vpn-connection', vpn.id, 'deleting', 'deleted', ctx.now + ctx.config.vpnMs);
}

/** pending -> available, deleting -> deleted (its routes with it), deleted -> gone. */
export function applyVpnConnectionTransition(ctx: RequestContext, id: string, to: string): void {
  const vpn = ctx.store.vpnConnections.get(ctx.scope, id);
  if (!vpn) return;
  if (to === 'available' && vpn.state === 'pending') ctx.store.vpnConnections.update(vpn.id, { state: 'available' });
  else if (to === 'deleted' && vpn.state === 'deleting') {
    ctx.store.vpnConnections.update(vpn.id, { state: 'deleted', deleted_at: ctx.now });
    ctx.backend.schedule(ctx.scope, 'vpn-connection', vpn.id, 'deleted', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  } else if (to === 'purged' && vpn.state === 'deleted') ctx.store.vpnConnections.delete(vpn.id);
}

function requireUsableConnection(ctx: RequestContext, id: string): VpnConnectionRow {
  const vpn = requireVpnConnection(ctx, id);
  if (vpn.state === 'deleted' || vpn.state === 'deleting') throw VpnErrors.connectionNotAvailable(vpn.id);
  return vpn;
}

function canonicalDestination(cidr: string): string {
  const parsed = parseCidr(cidr);
  if (!parsed) throw VpcErrors.invalidCidr('destinationCidrBlock', cidr);
  return parsed.text;
}

/** A static route of the connection, available at once; it reaches the route tables that propagate from its gateway. */
export function createVpnConnectionRoute(ctx: RequestContext, id: string, cidr: string): void {
  const vpn = requireUsableConnection(ctx, id);
  const destination = canonicalDestination(cidr);
  if (ctx.store.vpnConnections.route(vpn.id, destination)) throw VpnErrors.routeExists(destination, vpn.id);
  ctx.store.vpnConnections.insertRoute(vpn.id, destination, 'available');
}

export function deleteVpnConnectionRoute(ctx: RequestContext, id: string, cidr: string): void {
  const vpn = requireUsableConnection(ctx, id);
  const destination = canonicalDestination(cidr);
  if (!ctx.store.vpnConnections.route(vpn.id, destination)) throw VpnErrors.routeNotFound(destination, vpn.id);
  ctx.store.vpnConnections.deleteRoute(vpn.id, destination);
}
