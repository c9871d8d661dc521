/** Lookups and target resolution shared by the route and route-table actions. */
import type { RequestContext } from '../../context';
import { parseCidr } from '../../domain/cidr';
import { deriveRoute } from '../../domain/routes';
import { InstanceErrors, NotFoundErrors, RequestErrors, RouteErrors, VpcErrors } from '../../errors';
import type { RouteRow, RouteTableRow } from '../../store/rows';
import { loadInstanceRecords } from '../../views/instance';
import { presentRouteTable } from '../../views/routing';

export function requireRouteTable(ctx: RequestContext, id: string): RouteTableRow {
  const t = ctx.store.routeTables.get(ctx.scope, id);
  if (!t) throw NotFoundErrors.routeTable(id);
  return t;
}

export function presentTables(ctx: RequestContext, tables: RouteTableRow[]) {
  const ids = tables.map((t) => t.id);
  const routes = ctx.store.routeTables.routesOf(ids);
  const assocs = ctx.store.routeTables.associationsOf(ids);
  const tags = ctx.store.tags.forResources(ids);
  return tables.map((t) => presentRouteTable(t, routes.get(t.id) ?? [], assocs.get(t.id) ?? [], tags.get(t.id) ?? []));
}

export interface RouteInput {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  NatGatewayId?: string;
  VpcPeeringConnectionId?: string;
  TransitGatewayId?: string;
  EgressOnlyInternetGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  VpcEndpointId?: string;
  OdbNetworkArn?: string;
  LocalTarget?: boolean;
}

export function destinationOf(input: RouteInput): string {
  if (input.DestinationCidrBlock === undefined) {
    if (input.DestinationIpv6CidrBlock !== undefined || input.DestinationPrefixListId !== undefined) {
      throw RouteErrors.unsupportedTarget('destinationIpv6CidrBlock', input.DestinationIpv6CidrBlock ?? input.DestinationPrefixListId ?? '');
    }
    throw RouteErrors.destinationRequired();
  }
  const cidr = parseCidr(input.DestinationCidrBlock);
  if (!cidr) throw VpcErrors.invalidCidr('destinationCidrBlock', input.DestinationCidrBlock);
  return cidr.text;
}

/** The columns of a route to the requested target, validated against the table's VPC. */
export function resolveTarget(ctx: RequestContext, table: RouteTableRow, input: RouteInput): Omit<RouteRow, 'seq' | 'route_table_id' | 'destination_cidr' | 'origin'> {
  const unsupported: Array<[string, string | undefined]> = [
    ['natGatewayId', input.NatGatewayId],
    ['vpcPeeringConnectionId', input.VpcPeeringConnectionId],
    ['transitGatewayId', input.TransitGatewayId],
    ['egressOnlyInternetGatewayId', input.EgressOnlyInternetGatewayId],
    ['localGatewayId', input.LocalGatewayId],
    ['carrierGatewayId', input.CarrierGatewayId],
    ['vpcEndpointId', input.VpcEndpointId],
  ];
  const given = [input.GatewayId, input.InstanceId, input.NetworkInterfaceId, ...unsupported.map(([, v]) => v), input.LocalTarget ? 'local' : undefined].filter(
    (v) => v !== undefined,
  );
  if (given.length === 0) throw RouteErrors.noTarget();
  if (given.length > 1) throw RouteErrors.manyTargets();
  for (const [param, v] of unsupported) if (v !== undefined) throw RouteErrors.unsupportedTarget(param, v);
  const empty = { gateway_id: null, network_interface_id: null, instance_id: null, instance_owner_id: null, nat_gateway_id: null, state: 'blackhole' };
  if (input.LocalTarget) return { ...empty, gateway_id: 'local', state: 'active' };
  if (input.GatewayId !== undefined) {
    if (input.GatewayId === 'local') return { ...empty, gateway_id: 'local', state: 'active' };
    const igw = input.GatewayId.startsWith('igw-') ? ctx.store.internetGateways.get(ctx.scope, input.GatewayId) : undefined;
    if (!igw) throw NotFoundErrors.gateway(input.GatewayId);
    if (igw.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, igw.id, 'network gateway');
    return { ...empty, gateway_id: igw.id, ...deriveRoute(ctx, { gateway_id: igw.id, network_interface_id: null, nat_gateway_id: null, route_table_id: table.id }) };
  }
  let eniId = input.NetworkInterfaceId;
  if (input.InstanceId !== undefined) {
    const instance = ctx.store.instances.get(ctx.scope, input.InstanceId);
    if (!instance) throw NotFoundErrors.instances([input.InstanceId]);
    const [rec] = loadInstanceRecords(ctx, [instance]);
    if (rec.interfaces.length !== 1) throw InstanceErrors.multipleInterfaces(instance.id);
    eniId = rec.interfaces[0].row.id;
  }
  const eni = ctx.store.networkInterfaces.get(ctx.scope, eniId as string);
  if (!eni) throw NotFoundErrors.networkInterface(eniId as string);
  if (eni.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, eni.id, 'interface');
  return { ...empty, network_interface_id: eni.id, ...deriveRoute(ctx, { network_interface_id: eni.id, gateway_id: null, nat_gateway_id: null, route_table_id: table.id }) };
}

export function requireMissingParam(value: unknown, name: string): void {
  if (value === undefined) throw RequestErrors.missingParameter(name);
}
