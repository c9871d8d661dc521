import { RouteErrors } from '../errors';
import { destinationOf, requireRouteTable, resolveTarget } from './shared/routing';
import { defineAction } from './define';

const MAX_ROUTES = 50;

/**
 * A route to an internet gateway attached to the table's VPC, or to a network interface (an InstanceId names the
 * instance's only interface). Its state is derived at once and kept current as the target changes.
 */
export default defineAction('CreateRoute', (input, ctx) => {
  const table = requireRouteTable(ctx, input.RouteTableId);
  const destination = destinationOf(input);
  const target = resolveTarget(ctx, table, input);
  if (ctx.store.routeTables.route(table.id, destination)) throw RouteErrors.alreadyExists(destination);
  if (ctx.store.routeTables.routeCount(table.id) >= MAX_ROUTES) throw RouteErrors.limit();
  ctx.store.routeTables.insertRoute({ route_table_id: table.id, destination_cidr: destination, origin: 'CreateRoute', ...target });
  return { Return: true };
});
