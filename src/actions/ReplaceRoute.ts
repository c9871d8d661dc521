import { replaceRoute } from '../domain/routeTables';
import { defineAction } from './define';

export default defineAction('ReplaceRoute', (input, ctx) => {
  replaceRoute(ctx, input.RouteTableId, input);
});
