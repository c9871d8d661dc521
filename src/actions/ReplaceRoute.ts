import { RouteErrors } from '../errors';
import { destinationOf, requireRouteTable, resolveTarget } from './shared/routing';
import { defineAction } from './define';

export default defineAction('ReplaceRoute', (input, ctx) => {
  const table = requireRouteTable(ctx, input.RouteTableId);
  const destination = destinationOf(input);
  const route = ctx.store.routeTables.route(table.id, destination);
  if (!route) throw RouteErrors.replaceMissing(destination);
  ctx.store.routeTables.updateRoute(route.seq, resolveTarget(ctx, table, input));
});
