/**
 * VPC endpoints (docs/behavior.md "VPC endpoints"), built asynchronously through the back end like NAT gateways:
 *
 *   create -> pending --> available;   delete -> deleting --> deleted --(--terminated-ttl-ms)--> gone
 *
 * A Gateway endpoint (S3, DynamoDB) puts a route to its service's AWS-managed prefix list, through the endpoint
 * (GatewayId vpce-..., Origin CreateRoute), into each chosen route table; the routes go with the endpoint or when a
 * table is removed from it. An Interface endpoint owns one requester-managed interface (type `vpc_endpoint`) per
 * subnet, one subnet per zone, with the endpoint's security groups; deleting the endpoint frees them.
 */
import type { RequestContext } from '../core/context';
import { EndpointServiceErrors, itemFailure, type ItemFailure, RequestErrors, VpcEndpointErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { SubnetRow, VpcEndpointLinkRow, VpcEndpointRow, VpcEndpointServiceRow } from '../store/rows';
import { freeCount } from './addressing';
import { type EndpointService, endpointService, hasEndpointService } from './endpointServices';
import { createInterface, deleteInterface, resolveInterfaceGroups } from './networkInterfaces';
import { awsPrefixListId } from './prefixLists';
import { requireRouteTable } from './routeTables';
import { requireSubnet } from './subnets';
import { addTags } from './tags';
import { requireVpc } from './vpc';
import { connectEndpoint, privateLinkServiceFor, verifiedPrivateDnsName } from './vpcEndpointServices';

/** The RequesterId AWS shows on an interface endpoint's network interface (a service account; nothing keys on it). */
export const VPC_ENDPOINT_SERVICE_ACCOUNT = '727180483921';

export function requireVpcEndpoint(ctx: RequestContext, id: string): VpcEndpointRow {
  const e = ctx.store.vpcEndpoints.get(ctx.scope, id);
  if (!e) throw VpcEndpointErrors.notFound(id);
  return e;
}

export function listVpcEndpoints(ctx: RequestContext, opts: ListOptions): VpcEndpointRow[] {
  return ctx.store.vpcEndpoints.list(ctx.scope, opts);
}

/** The AWS-managed prefix list a gateway endpoint routes to. */
export function gatewayPrefixListId(ctx: Pick<RequestContext, 'scope'>, e: Pick<VpcEndpointRow, 'service_name'>): string {
  return awsPrefixListId(ctx.scope.region, e.service_name.split('.').slice(3).join('.'));
}

interface NewVpcEndpoint {
  VpcId: string;
  ServiceName?: string;
  VpcEndpointType?: string;
  PolicyDocument?: string;
  RouteTableIds?: readonly string[];
  SubnetIds?: readonly string[];
  SecurityGroupIds?: readonly string[];
  PrivateDnsEnabled?: boolean;
  IpAddressType?: string;
}

/** A PrivateLink service configuration seen as the service an endpoint connects to. */
function asEndpointService(config: VpcEndpointServiceRow): EndpointService {
  return { name: config.name, short: config.id, type: config.service_type as EndpointService['type'], privateDnsName: verifiedPrivateDnsName(config), config };
}

function resolveService(ctx: RequestContext, name: string | undefined, type: string): EndpointService {
  if (name === undefined) throw VpcEndpointErrors.serviceNameRequired();
  // a PrivateLink service (docs/behavior.md "VPC endpoint services"): one the caller may not see does not exist
  const config = privateLinkServiceFor(ctx, name);
  if (config === null) throw VpcEndpointErrors.serviceNotFound(name);
  if (config) {
    if (config.service_type !== type) throw VpcEndpointErrors.typeUnsupported(name, type);
    return asEndpointService(config);
  }
  const service = endpointService(ctx.scope.region, name, type);
  if (service) return service;
  if (hasEndpointService(ctx.scope.region, name)) throw VpcEndpointErrors.typeUnsupported(name, type);
  throw VpcEndpointErrors.serviceNotFound(name);
}

export function createVpcEndpoint(ctx: RequestContext, spec: NewVpcEndpoint, tags: readonly Tag[]): VpcEndpointRow {
  const { store, scope } = ctx;
  const vpc = requireVpc(ctx, spec.VpcId);
  const type = spec.VpcEndpointType ?? 'Gateway';
  if (type !== 'Gateway' && type !== 'Interface' && type !== 'GatewayLoadBalancer') {
    throw RequestErrors.invalidParameter('VpcEndpointType', type, 'ec2lite serves Gateway, Interface and GatewayLoadBalancer endpoints.'); // ec2lite's own
  }
  const service = resolveService(ctx, spec.ServiceName, type);
  if (spec.IpAddressType !== undefined && spec.IpAddressType !== 'ipv4') {
    throw RequestErrors.invalidParameter('IpAddressType', spec.IpAddressType, `The service ${service.name} supports only ipv4.`); // guess
  }
  const id = ctx.ids.id('vpce');
  const base = {
    id,
    account: scope.account,
    region: scope.region,
    vpc_id: vpc.id,
    service_name: service.name,
    endpoint_type: type,
    // a PrivateLink service that wants to accept its connections holds the endpoint until it does
    state: service.config?.acceptance_required === 1 ? 'pendingAcceptance' : 'pending',
    policy_document: spec.PolicyDocument ?? null,
    ip_address_type: 'ipv4',
    created_at: ctx.now,
    deleted_at: null,
  };
  if (type === 'Gateway') {
    if ((spec.SubnetIds ?? []).length > 0) throw VpcEndpointErrors.gatewayWithSubnets();
    if ((spec.SecurityGroupIds ?? []).length > 0) throw VpcEndpointErrors.gatewayWithGroups();
    const tables = [...new Set(spec.RouteTableIds ?? [])].map((t) => checkRouteTable(ctx, vpc.id, t, gatewayPrefixListId(ctx, base)));
    store.vpcEndpoints.insert({ ...base, private_dns_enabled: 0, policy_document: spec.PolicyDocument ?? defaultPolicy() });
    for (const t of tables) addGatewayRoute(ctx, id, t);
  } else if (type === 'GatewayLoadBalancer') {
    if ((spec.RouteTableIds ?? []).length > 0) throw VpcEndpointErrors.interfaceWithRouteTables();
    if ((spec.SecurityGroupIds ?? []).length > 0) throw EndpointServiceErrors.gatewayLoadBalancerGroups();
    if (new Set(spec.SubnetIds ?? []).size !== 1) throw EndpointServiceErrors.gatewayLoadBalancerSubnets();
    const subnets = checkSubnets(ctx, vpc.id, [], spec.SubnetIds ?? []);
    store.vpcEndpoints.insert({ ...base, private_dns_enabled: 0, policy_document: null });
    for (const s of subnets) addInterface(ctx, id, s, [], 'gateway_load_balancer_endpoint');
  } else {
    if ((spec.RouteTableIds ?? []).length > 0) throw VpcEndpointErrors.interfaceWithRouteTables();
    // AWS's default for AWS services; a PrivateLink service's endpoint takes its verified private DNS name by default
    const privateDns = spec.PrivateDnsEnabled ?? (service.config ? service.privateDnsName !== undefined : true);
    if (privateDns && service.config && service.privateDnsName === undefined) throw EndpointServiceErrors.privateDnsNotVerified(service.name);
    if (privateDns) checkPrivateDns(ctx, vpc.id, vpc.enable_dns_support === 1 && vpc.enable_dns_hostnames === 1, service, undefined);
    const subnets = checkSubnets(ctx, vpc.id, [], spec.SubnetIds ?? []);
    const groups = [...new Set(spec.SecurityGroupIds ?? [])];
    // the groups are checked against the VPC as for any interface (default group when none)
    const groupIds = resolveInterfaceGroups(ctx, subnets[0] ?? ({ vpc_id: vpc.id } as SubnetRow), groups);
    store.vpcEndpoints.insert({ ...base, private_dns_enabled: privateDns ? 1 : 0, policy_document: spec.PolicyDocument ?? defaultPolicy() });
    for (const g of groupIds) store.vpcEndpoints.link({ endpoint_id: id, kind: 'security-group', ref_id: g, network_interface_id: null });
    for (const s of subnets) addInterface(ctx, id, s, groupIds);
  }
  addTags(ctx, id, 'vpc-endpoint', tags);
  if (service.config) connectEndpoint(ctx, service.config, id);
  if (base.state === 'pending') ctx.backend.schedule(scope, 'vpc-endpoint', id, 'pending', 'available', ctx.now);
  return requireVpcEndpoint(ctx, id);
}

/** The service an endpoint was made for: the region's catalog or a PrivateLink service (which may be gone). */
function serviceOfEndpoint(ctx: RequestContext, e: VpcEndpointRow): EndpointService {
  const aws = endpointService(ctx.scope.region, e.service_name, e.endpoint_type);
  if (aws) return aws;
  const config = ctx.store.vpcEndpointServices.byName(e.service_name);
  if (!config) throw VpcEndpointErrors.serviceNotFound(e.service_name);
  return asEndpointService(config);
}

/** AWS's full-access policy, which an endpoint has when none is given. */
function defaultPolicy(): string {
  return JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });
}

function checkRouteTable(ctx: RequestContext, vpcId: string, tableId: string, prefixListId: string): string {
  const table = requireRouteTable(ctx, tableId);
  if (table.vpc_id !== vpcId) throw VpcEndpointErrors.tableNotInVpc(table.id, vpcId);
  if (ctx.store.routeTables.route(table.id, prefixListId)) throw VpcEndpointErrors.routeConflict(table.id, prefixListId);
  return table.id;
}

function addGatewayRoute(ctx: RequestContext, endpointId: string, tableId: string): void {
  const e = ctx.store.vpcEndpoints.get(ctx.scope, endpointId)!;
  ctx.store.routeTables.insertGatewayRoute({
    route_table_id: tableId,
    destination_cidr: gatewayPrefixListId(ctx, e),
    gateway_id: endpointId,
    origin: 'CreateRoute',
    state: 'active',
  });
  ctx.store.vpcEndpoints.link({ endpoint_id: endpointId, kind: 'route-table', ref_id: tableId, network_interface_id: null });
}

function removeGatewayRoute(ctx: RequestContext, e: VpcEndpointRow, tableId: string): void {
  const route = ctx.store.routeTables.route(tableId, gatewayPrefixListId(ctx, e));
  if (route && route.gateway_id === e.id) ctx.store.routeTables.deleteRoute(route.seq);
  ctx.store.vpcEndpoints.unlink(e.id, 'route-table', tableId);
}

/** Subnets of the VPC, at most one per zone (counting those the endpoint already has). */
function checkSubnets(ctx: RequestContext, vpcId: string, existing: readonly SubnetRow[], ids: readonly string[]): SubnetRow[] {
  const zones = new Set(existing.map((s) => s.availability_zone));
  const out: SubnetRow[] = [];
  for (const id of [...new Set(ids)]) {
    const subnet = requireSubnet(ctx, id);
    if (subnet.vpc_id !== vpcId) throw VpcEndpointErrors.subnetNotInVpc(subnet.id, vpcId);
    if (zones.has(subnet.availability_zone)) throw VpcEndpointErrors.sameZone(subnet.id);
    if (freeCount(subnet) < 1) throw VpcEndpointErrors.subnetFull(subnet.id);
    zones.add(subnet.availability_zone);
    out.push(subnet);
  }
  return out;
}

/** Private DNS needs the VPC's DNS attributes and no other endpoint of the service with private DNS in the VPC. */
function checkPrivateDns(ctx: RequestContext, vpcId: string, vpcDns: boolean, service: EndpointService, self: string | undefined): void {
  if (!vpcDns) throw VpcEndpointErrors.privateDnsNeedsVpcDns(vpcId);
  const clash = ctx.store.vpcEndpoints
    .where(ctx.scope, 'vpc_id', vpcId)
    .some((e) => e.id !== self && e.service_name === service.name && e.endpoint_type === 'Interface' && e.private_dns_enabled === 1 && e.state !== 'deleted' && e.state !== 'deleting');
  if (clash) throw VpcEndpointErrors.privateDnsConflict(service.privateDnsName ?? service.name, vpcId);
}

function addInterface(ctx: RequestContext, endpointId: string, subnet: SubnetRow, groupIds: readonly string[], interfaceType = 'vpc_endpoint'): void {
  const eni = createInterface(ctx, {
    subnet,
    groupIds,
    addresses: {},
    description: `VPC Endpoint Interface ${endpointId}`,
    interfaceType,
    site: 'interface',
    managedBy: { requesterId: VPC_ENDPOINT_SERVICE_ACCOUNT },
  });
  ctx.store.vpcEndpoints.link({ endpoint_id: endpointId, kind: 'subnet', ref_id: subnet.id, network_interface_id: eni.id });
}

function removeInterface(ctx: RequestContext, endpointId: string, link: VpcEndpointLinkRow): void {
  const eni = link.network_interface_id ? ctx.store.networkInterfaces.get(ctx.scope, link.network_interface_id) : undefined;
  if (eni) deleteInterface(ctx, eni);
  ctx.store.vpcEndpoints.unlink(endpointId, 'subnet', link.ref_id);
}

interface VpcEndpointChange {
  ResetPolicy?: boolean;
  PolicyDocument?: string;
  AddRouteTableIds?: readonly string[];
  RemoveRouteTableIds?: readonly string[];
  AddSubnetIds?: readonly string[];
  RemoveSubnetIds?: readonly string[];
  AddSecurityGroupIds?: readonly string[];
  RemoveSecurityGroupIds?: readonly string[];
  PrivateDnsEnabled?: boolean;
}

/** ModifyVpcEndpoint: everything is checked before the first change. */
export function modifyVpcEndpoint(ctx: RequestContext, id: string, change: VpcEndpointChange): void {
  const { store } = ctx;
  const e = requireVpcEndpoint(ctx, id);
  if (e.state === 'deleting' || e.state === 'deleted') throw VpcEndpointErrors.notFound(e.id); // guess: AWS treats it as gone
  const links = store.vpcEndpoints.linksOf([e.id]).get(e.id) ?? [];
  const linked = (kind: VpcEndpointLinkRow['kind']) => links.filter((l) => l.kind === kind);
  const gateway = e.endpoint_type === 'Gateway';
  if (gateway && ((change.AddSubnetIds?.length ?? 0) > 0 || (change.RemoveSubnetIds?.length ?? 0) > 0)) throw VpcEndpointErrors.gatewayWithSubnets();
  if (gateway && ((change.AddSecurityGroupIds?.length ?? 0) > 0 || (change.RemoveSecurityGroupIds?.length ?? 0) > 0)) throw VpcEndpointErrors.gatewayWithGroups();
  if (e.endpoint_type === 'GatewayLoadBalancer') {
    if ((change.AddSecurityGroupIds?.length ?? 0) > 0 || (change.RemoveSecurityGroupIds?.length ?? 0) > 0) throw EndpointServiceErrors.gatewayLoadBalancerGroups();
    if ((change.AddSubnetIds?.length ?? 0) > 0 || (change.RemoveSubnetIds?.length ?? 0) > 0) throw EndpointServiceErrors.gatewayLoadBalancerSubnets();
  }
  if (!gateway && ((change.AddRouteTableIds?.length ?? 0) > 0 || (change.RemoveRouteTableIds?.length ?? 0) > 0)) throw VpcEndpointErrors.interfaceWithRouteTables();

  // route tables (gateway)
  const tables = new Set(linked('route-table').map((l) => l.ref_id));
  const removeTables = [...new Set(change.RemoveRouteTableIds ?? [])];
  for (const t of removeTables) requireRouteTable(ctx, t);
  const pl = gatewayPrefixListId(ctx, e);
  const addTables = [...new Set(change.AddRouteTableIds ?? [])].filter((t) => !tables.has(t) || removeTables.includes(t));
  for (const t of addTables) if (!removeTables.includes(t)) checkRouteTable(ctx, e.vpc_id, t, pl);

  // subnets and groups (interface)
  const subnetLinks = linked('subnet');
  const removeSubnets = [...new Set(change.RemoveSubnetIds ?? [])];
  for (const s of removeSubnets) requireSubnet(ctx, s);
  const keptSubnets = subnetLinks.filter((l) => !removeSubnets.includes(l.ref_id)).map((l) => requireSubnet(ctx, l.ref_id));
  const newSubnets = checkSubnets(ctx, e.vpc_id, keptSubnets, (change.AddSubnetIds ?? []).filter((s) => !keptSubnets.some((k) => k.id === s)));
  const groups = linked('security-group').map((l) => l.ref_id);
  const removeGroups = new Set(change.RemoveSecurityGroupIds ?? []);
  let nextGroups = groups.filter((g) => !removeGroups.has(g));
  const added = (change.AddSecurityGroupIds ?? []).filter((g) => !nextGroups.includes(g));
  if (added.length > 0) nextGroups = resolveInterfaceGroups(ctx, { vpc_id: e.vpc_id } as SubnetRow, [...nextGroups, ...added]);
  if (change.PrivateDnsEnabled === true && e.private_dns_enabled === 0) {
    const vpc = requireVpc(ctx, e.vpc_id);
    const service = serviceOfEndpoint(ctx, e);
    if (service.config && service.privateDnsName === undefined) throw EndpointServiceErrors.privateDnsNotVerified(service.name);
    checkPrivateDns(ctx, vpc.id, vpc.enable_dns_support === 1 && vpc.enable_dns_hostnames === 1, service, e.id);
  }

  // apply
  for (const t of removeTables) if (tables.has(t)) removeGatewayRoute(ctx, e, t);
  for (const t of addTables) addGatewayRoute(ctx, e.id, t);
  for (const l of subnetLinks) if (removeSubnets.includes(l.ref_id)) removeInterface(ctx, e.id, l);
  if (!gateway && (added.length > 0 || removeGroups.size > 0)) {
    for (const g of groups) if (!nextGroups.includes(g)) store.vpcEndpoints.unlink(e.id, 'security-group', g);
    for (const g of nextGroups) if (!groups.includes(g)) store.vpcEndpoints.link({ endpoint_id: e.id, kind: 'security-group', ref_id: g, network_interface_id: null });
    for (const l of subnetLinks) if (l.network_interface_id && !removeSubnets.includes(l.ref_id)) store.networkInterfaces.setGroups(l.network_interface_id, nextGroups);
  }
  for (const s of newSubnets) addInterface(ctx, e.id, s, nextGroups);
  const updates: Partial<VpcEndpointRow> = {};
  if (change.ResetPolicy) updates.policy_document = defaultPolicy();
  else if (change.PolicyDocument !== undefined) updates.policy_document = change.PolicyDocument;
  if (change.PrivateDnsEnabled !== undefined && !gateway) updates.private_dns_enabled = change.PrivateDnsEnabled ? 1 : 0;
  store.vpcEndpoints.update(e.id, updates);
}

/**
 * DeleteVpcEndpoints: each endpoint goes `deleting`, then `deleted` through the back end; ids that do not exist
 * come back in Unsuccessful (AWS answers a batch, not an error).
 */
export function deleteVpcEndpoints(ctx: RequestContext, ids: readonly string[]): ItemFailure[] {
  const failed: ItemFailure[] = [];
  for (const id of ids) {
    const e = ctx.store.vpcEndpoints.get(ctx.scope, id);
    if (!e || e.state === 'deleted') {
      failed.push(itemFailure(id, VpcEndpointErrors.notFound(id)));
      continue;
    }
    if (e.state === 'deleting') continue;
    ctx.store.vpcEndpoints.update(e.id, { state: 'deleting' });
    ctx.events.routeTargetsChanged(e.id);
    ctx.backend.schedule(ctx.scope, 'vpc-endpoint', e.id, e.state, 'deleted', ctx.now);
  }
  return failed;
}

/** The back end's step: pending -> available, deleting -> deleted (routes and interfaces go), deleted -> gone. */
export function applyVpcEndpointTransition(ctx: RequestContext, id: string, to: string): void {
  const e = ctx.store.vpcEndpoints.get(ctx.scope, id);
  if (!e) return;
  // routes to a Gateway Load Balancer endpoint follow its state (domain/routes.ts)
  ctx.events.routeTargetsChanged(e.id);
  if (to === 'available' && e.state === 'pending') ctx.store.vpcEndpoints.update(e.id, { state: 'available' });
  else if (to === 'deleted' && e.state === 'deleting') {
    for (const l of ctx.store.vpcEndpoints.linksOf([e.id]).get(e.id) ?? []) {
      if (l.kind === 'route-table') removeGatewayRoute(ctx, e, l.ref_id);
      else if (l.kind === 'subnet') removeInterface(ctx, e.id, l);
      else ctx.store.vpcEndpoints.unlink(e.id, l.kind, l.ref_id);
    }
    ctx.store.vpcEndpoints.update(e.id, { state: 'deleted', deleted_at: ctx.now });
    ctx.backend.schedule(ctx.scope, 'vpc-endpoint', e.id, 'deleted', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  } else if (to === 'purged' && e.state === 'deleted') ctx.store.vpcEndpoints.delete(e.id);
}
