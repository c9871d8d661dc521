import { attachVpnGateway } from '../domain/vpn';
import { defineAction } from './define';

/** `attaching` now, `attached` through the back end; one VPC per gateway and one gateway per VPC. */
export default defineAction('AttachVpnGateway', (input, ctx) => {
  const vgw = attachVpnGateway(ctx, input.VpnGatewayId, input.VpcId);
  return { VpcAttachment: { VpcId: vgw.vpc_id ?? undefined, State: vgw.attachment_state as 'attaching' } };
});
