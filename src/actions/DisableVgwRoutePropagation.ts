import { disableVgwRoutePropagation } from '../domain/vpn';
import { defineAction } from './define';

/** The propagated routes leave the table with the propagation. */
export default defineAction('DisableVgwRoutePropagation', (input, ctx) => {
  disableVgwRoutePropagation(ctx, input.RouteTableId, input.GatewayId);
});
