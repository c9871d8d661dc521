import { deleteVpnConnectionRoute } from '../domain/vpn';
import { defineAction } from './define';

export default defineAction('DeleteVpnConnectionRoute', (input, ctx) => {
  deleteVpnConnectionRoute(ctx, input.VpnConnectionId, input.DestinationCidrBlock);
});
