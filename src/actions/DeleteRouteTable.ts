import { RouteErrors } from '../errors';
import { requireRouteTable } from './shared/routing';
import { defineAction } from './define';

/** A table that is associated (the main table included) cannot be deleted. */
export default defineAction('DeleteRouteTable', (input, ctx) => {
  const table = requireRouteTable(ctx, input.RouteTableId);
  if ((ctx.store.routeTables.associationsOf([table.id]).get(table.id) ?? []).length > 0) throw RouteErrors.tableDependency(table.id);
  ctx.store.routeTables.delete(table.id);
});
