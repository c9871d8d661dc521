import { tagsFromSpecifications } from '../domain/tags';
import { createVpnConnection } from '../domain/vpn';
import { presentVpnConnections } from '../views/vpn';
import { defineAction } from './define';

/** `pending` now, `available` through the back end; to a transit gateway with the connection's `vpn` attachment. */
export default defineAction('CreateVpnConnection', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['vpn-connection']).get('vpn-connection') ?? [];
  const vpn = createVpnConnection(ctx, input, tags);
  return { VpnConnection: presentVpnConnections(ctx, [vpn])[0] };
});
