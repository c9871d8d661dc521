import { deleteRouteTable } from '../domain/routeTables';
import { defineAction } from './define';

/** A table that is associated (the main table included) cannot be deleted. */
export default defineAction('DeleteRouteTable', (input, ctx) => {
  deleteRouteTable(ctx, input.RouteTableId);
});
