import { enableVgwRoutePropagation } from '../domain/vpn';
import { defineAction } from './define';

/** The table lists the gateway in PropagatingVgws and receives its VPN connections' static routes. */
export default defineAction('EnableVgwRoutePropagation', (input, ctx) => {
  enableVgwRoutePropagation(ctx, input.RouteTableId, input.GatewayId);
});
