import { deleteVpnGateway } from '../domain/vpn';
import { defineAction } from './define';

/** Refused while attached or used by a VPN connection; the gateway then shows `deleted` for a while. */
export default defineAction('DeleteVpnGateway', (input, ctx) => {
  deleteVpnGateway(ctx, input.VpnGatewayId);
});
