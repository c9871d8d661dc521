import { createVpnConnectionRoute } from '../domain/vpn';
import { defineAction } from './define';

/** A static route of the connection; route tables propagating from its gateway show it. */
export default defineAction('CreateVpnConnectionRoute', (input, ctx) => {
  createVpnConnectionRoute(ctx, input.VpnConnectionId, input.DestinationCidrBlock);
});
