import { NotFoundErrors } from '../errors';
import type { FilterSpec } from '../filters/engine';
import type { RouteTable } from '../protocol/model/types.generated';
import { describe } from '../domain/describe';
import { presentTables } from './shared/routing';
import { defineAction } from './define';

const routes = <T>(t: RouteTable, f: (r: NonNullable<RouteTable['Routes']>[number]) => T) => (t.Routes ?? []).map(f);
const assocs = <T>(t: RouteTable, f: (a: NonNullable<RouteTable['Associations']>[number]) => T) => (t.Associations ?? []).map(f);
const none = { get: () => undefined };

const filters: FilterSpec<RouteTable> = {
  idSql: 'r.id',
  tags: (t) => t.Tags,
  fields: {
    'association.gateway-id': { get: (t) => assocs(t, (a) => a.GatewayId) },
    'association.main': { get: (t) => assocs(t, (a) => a.Main) },
    'association.route-table-association-id': { get: (t) => assocs(t, (a) => a.RouteTableAssociationId) },
    'association.route-table-id': { get: (t) => assocs(t, (a) => a.RouteTableId) },
    'association.subnet-id': {
      get: (t) => assocs(t, (a) => a.SubnetId),
      sqlIn: (json) => ({ sql: 'r.id IN (SELECT route_table_id FROM route_table_associations WHERE subnet_id IN (SELECT value FROM json_each(?)))', params: [json] }),
    },
    'owner-id': { get: (t) => t.OwnerId, sql: 'r.account' },
    'route-table-id': { get: (t) => t.RouteTableId, sql: 'r.id' },
    'route.destination-cidr-block': { get: (t) => routes(t, (r) => r.DestinationCidrBlock) },
    'route.destination-ipv6-cidr-block': none,
    'route.destination-prefix-list-id': none,
    'route.egress-only-internet-gateway-id': none,
    'route.gateway-id': { get: (t) => routes(t, (r) => r.GatewayId) },
    'route.instance-id': { get: (t) => routes(t, (r) => r.InstanceId) },
    'route.nat-gateway-id': { get: (t) => routes(t, (r) => r.NatGatewayId) },
    'route.network-interface-id': { get: (t) => routes(t, (r) => r.NetworkInterfaceId) },
    'route.origin': { get: (t) => routes(t, (r) => r.Origin) },
    'route.state': { get: (t) => routes(t, (r) => r.State) },
    'route.transit-gateway-id': none,
    'route.vpc-peering-connection-id': none,
    'vpc-id': { get: (t) => t.VpcId, sql: 'r.vpc_id' },
  },
};

export default defineAction('DescribeRouteTables', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.RouteTableIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    list: (opts) => ctx.store.routeTables.list(ctx.scope, opts),
    present: (rows) => presentTables(ctx, rows),
    notFound: (missing) => NotFoundErrors.routeTable(missing[0]),
  });
  return { RouteTables: page.items, NextToken: page.nextToken };
});
