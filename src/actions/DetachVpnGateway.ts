import { detachVpnGateway } from '../domain/vpn';
import { defineAction } from './define';

/** `detaching` now, `detached` through the back end; routes through the gateway turn blackhole. */
export default defineAction('DetachVpnGateway', (input, ctx) => {
  detachVpnGateway(ctx, input.VpnGatewayId, input.VpcId);
});
