/**
 * VPC creation rules shared by CreateVpc and the default VPC: every VPC gets its main route table (with the local
 * route) and its `default` security group (all traffic from itself in, everything out).
 * The default VPC of a scope (account x region) is made on the scope's first request: 172.31.0.0/16, one default
 * /20 subnet per zone (172.31.0.0/20, 172.31.16.0/20, …) mapping public IPs on launch, and an attached internet
 * gateway routed from the main table, as AWS sets it up.
 */
import { endPeeringsOfVpc } from './vpcPeering';
import { ensureAwsPrefixLists } from './prefixLists';
import type { RequestContext } from '../core/context';
import { NotFoundErrors, RequestErrors, VpcErrors } from '../errors';
import type { ListOptions, Scope } from '../store/query';
import type { VpcRow } from '../store/rows';
import type { Store } from '../store';
import type { IdGenerator } from '../core/ids';
import { intToIp, parseCidr } from './cidr';
import { defaultDhcpOptionsId } from './dhcpOptions';
import { associateDefaultAcl, checkVpcAcls, createNetworkAclRow, deleteVpcAcls } from './networkAcls';
import { zonesOf } from './regions';
import { insertLocalRoute, secondaryLocalDestinations } from './vpcCidrs';

interface NewVpc {
  cidr: string;
  isDefault?: boolean;
  instanceTenancy?: string;
  enableDnsHostnames?: boolean;
}

interface Deps {
  store: Store;
  ids: IdGenerator;
  scope: Scope;
  now: number;
}

export function dhcpDomainName(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

export function createVpc(d: Deps, spec: NewVpc): string {
  const id = d.ids.id('vpc');
  // Built first, then inserted: its ids are drawn in this order (seeded ids and golden documents depend on it).
  const row = {
    id,
    account: d.scope.account,
    region: d.scope.region,
    cidr: spec.cidr,
    cidr_association_id: d.ids.id('vpc-cidr-assoc'),
    is_default: spec.isDefault ? 1 : 0,
    state: 'available',
    instance_tenancy: spec.instanceTenancy ?? 'default',
    dhcp_options_id: defaultDhcpOptionsId(d),
    network_acl_id: d.ids.id('acl'),
    enable_dns_support: 1,
    enable_dns_hostnames: spec.enableDnsHostnames ? 1 : 0,
  };
  d.store.vpcs.insert(row);
  createNetworkAclRow(d, id, { id: row.network_acl_id, isDefault: true }); // IPv6 VPCs: pass ipv6Cidr here
  createDefaultSecurityGroup(d, id, 'default VPC security group');
  createRouteTable(d, id, spec.cidr, true);
  return id;
}

function createDefaultSecurityGroup(d: Deps, vpcId: string, description: string): string {
  const id = d.ids.id('sg');
  d.store.securityGroups.insert({ id, account: d.scope.account, region: d.scope.region, vpc_id: vpcId, name: 'default', description, is_default: 1 });
  const rule = { group_id: id, account: d.scope.account, region: d.scope.region, ip_protocol: '-1' };
  d.store.securityGroups.rules.insert({ ...rule, id: d.ids.id('sgr'), is_egress: 0, ref_group_id: id, ref_user_id: d.scope.account });
  d.store.securityGroups.rules.insert({ ...rule, id: d.ids.id('sgr'), is_egress: 1, cidr_ipv4: '0.0.0.0/0' });
  return id;
}

/** A route table with its local routes (one per VPC CIDR block); `main` also makes it the VPC's main table. */
export function createRouteTable(d: Deps, vpcId: string, vpcCidr: string, main: boolean): string {
  const id = d.ids.id('rtb');
  d.store.routeTables.insert({ id, account: d.scope.account, region: d.scope.region, vpc_id: vpcId });
  for (const destination of [vpcCidr, ...secondaryLocalDestinations(d, vpcId)]) insertLocalRoute(d, id, destination);
  if (main) d.store.routeTables.associations.insert({ id: d.ids.id('rtbassoc'), route_table_id: id, vpc_id: vpcId, is_main: 1 });
  return id;
}

export const DEFAULT_VPC_CIDR = '172.31.0.0/16';
export const DEFAULT_SUBNET_SIZE = 4096; // /20

/** Creates the default VPC, its subnets and internet gateway the first time a scope is used. Idempotent. */
export function ensureScope(ctx: Pick<RequestContext, 'store' | 'ids' | 'scope' | 'now'>): void {
  const { store, scope } = ctx;
  // the region's AWS-managed prefix lists, shared by every account (docs/behavior.md "Managed prefix lists")
  ensureAwsPrefixLists(store, scope.region, ctx.now);
  if (store.scopes.get(scope)) return;
  const vpcId = createDefaultVpcLayout({ store, ids: ctx.ids, scope, now: ctx.now });
  store.scopes.insert(scope, vpcId, ctx.now);
}

/** The default VPC as AWS lays it out (also CreateDefaultVpc's): 172.31.0.0/16, a default /20 per zone, a gateway. */
export function createDefaultVpcLayout(d: Deps): string {
  const vpcId = createVpc(d, { cidr: DEFAULT_VPC_CIDR, isDefault: true, enableDnsHostnames: true });
  const vpcBase = parseCidr(DEFAULT_VPC_CIDR)!.base;
  zonesOf(d.scope.region).forEach((zone, i) => insertDefaultSubnet(d, vpcId, zone.name, vpcBase + i * DEFAULT_SUBNET_SIZE));
  attachInternetGatewayWithDefaultRoute(d, vpcId);
  return vpcId;
}

/** A default subnet (/20, public IPs on launch) of the default VPC; returns its id. */
export function insertDefaultSubnet(d: Deps, vpcId: string, zone: string, base: number): string {
  const id = d.ids.id('subnet');
  d.store.subnets.insert({
    id,
    account: d.scope.account,
    region: d.scope.region,
    vpc_id: vpcId,
    cidr: `${intToIp(base)}/20`,
    cidr_base: base,
    cidr_size: DEFAULT_SUBNET_SIZE,
    availability_zone: zone,
    default_for_az: 1,
    map_public_ip_on_launch: 1,
  });
  associateDefaultAcl(d, id, vpcId);
  return id;
}

/** A new internet gateway attached to the VPC, and 0.0.0.0/0 through it in the main table (a default VPC's set-up). */
export function attachInternetGatewayWithDefaultRoute(d: Deps, vpcId: string): string {
  const igwId = d.ids.id('igw');
  d.store.internetGateways.insert({ id: igwId, account: d.scope.account, region: d.scope.region, vpc_id: vpcId });
  d.store.routeTables.insertGatewayRoute({
    route_table_id: d.store.routeTables.mainOf(vpcId)!.id,
    destination_cidr: '0.0.0.0/0',
    gateway_id: igwId,
    origin: 'CreateRoute',
    state: 'active',
  });
  return igwId;
}

export function requireVpc(ctx: RequestContext, id: string): VpcRow {
  const vpc = ctx.store.vpcs.get(ctx.scope, id);
  if (!vpc) throw NotFoundErrors.vpc(id);
  return vpc;
}

/** The scope's default VPC, if it still has one. */
export function defaultVpc(ctx: RequestContext): VpcRow | undefined {
  return ctx.store.vpcs.defaultVpc(ctx.scope);
}

export function listVpcs(ctx: RequestContext, opts: ListOptions): VpcRow[] {
  return ctx.store.vpcs.list(ctx.scope, opts);
}

/** Deletes an empty VPC with its default security group, main route table and default network ACL (AWS removes those with it). */
export function deleteVpc(ctx: RequestContext, id: string): void {
  const { store } = ctx;
  const vpc = requireVpc(ctx, id);
  // an attached VPN gateway is a dependency too (schema 013)
  if (store.vpcs.dependencyCount(vpc.id) > 0 || store.vpnGateways.ofVpc(vpc.id) || !checkVpcAcls(ctx, vpc.id)) throw VpcErrors.vpcDependency(vpc.id);
  deleteVpcAcls(ctx, vpc.id);
  endPeeringsOfVpc(ctx, vpc.id);
  for (const g of store.securityGroups.inVpc(vpc.id)) store.securityGroups.delete(g.id);
  for (const rt of store.routeTables.inVpc(vpc.id)) {
    for (const a of store.routeTables.associationsOf([rt.id]).get(rt.id) ?? []) store.routeTables.deleteAssociation(a.id);
    store.routeTables.delete(rt.id);
  }
  store.vpcs.delete(vpc.id);
}

export type VpcFlag = 'enable_dns_support' | 'enable_dns_hostnames' | 'enable_network_address_usage_metrics';

export function setVpcFlag(ctx: RequestContext, vpcId: string, flag: VpcFlag, value: boolean): void {
  ctx.store.vpcs.update(vpcId, { [flag]: value ? 1 : 0 });
}

/** ModifyVpcTenancy: a dedicated VPC can become default, never the other way (AWS allows only `default`). */
export function setVpcTenancy(ctx: RequestContext, vpcId: string, tenancy: string): void {
  const vpc = requireVpc(ctx, vpcId);
  if (tenancy !== 'default') throw RequestErrors.invalidParameter('instanceTenancy', tenancy, 'Only default tenancy is supported.'); // guess
  ctx.store.vpcs.update(vpc.id, { instance_tenancy: 'default' });
}
