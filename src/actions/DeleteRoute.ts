import { RouteErrors } from '../errors';
import { destinationOf, requireRouteTable } from './shared/routing';
import { defineAction } from './define';

export default defineAction('DeleteRoute', (input, ctx) => {
  const table = requireRouteTable(ctx, input.RouteTableId);
  const destination = destinationOf(input);
  const route = ctx.store.routeTables.route(table.id, destination);
  if (!route) throw RouteErrors.notFound(destination, table.id);
  if (route.origin === 'CreateRouteTable') throw RouteErrors.localRoute(destination, table.id);
  ctx.store.routeTables.deleteRoute(route.seq);
});
