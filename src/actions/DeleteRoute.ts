import { deleteRoute } from '../domain/routeTables';
import { defineAction } from './define';

export default defineAction('DeleteRoute', (input, ctx) => {
  deleteRoute(ctx, input.RouteTableId, input);
});
