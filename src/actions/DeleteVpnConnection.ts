import { deleteVpnConnection } from '../domain/vpn';
import { defineAction } from './define';

/** `deleting` now, `deleted` through the back end; its routes leave the propagating route tables. */
export default defineAction('DeleteVpnConnection', (input, ctx) => {
  deleteVpnConnection(ctx, input.VpnConnectionId);
});
