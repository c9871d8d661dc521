import { tagsFromSpecifications } from '../domain/tags';
import { createVpnGateway } from '../domain/vpn';
import { presentVpnGateways } from '../views/vpn';
import { defineAction } from './define';

/** Available at once, attached to nothing (docs/behavior.md "VPN gateways and connections"). */
export default defineAction('CreateVpnGateway', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['vpn-gateway']).get('vpn-gateway') ?? [];
  const vgw = createVpnGateway(ctx, input, tags);
  return { VpnGateway: presentVpnGateways(ctx, [vgw])[0] };
});
