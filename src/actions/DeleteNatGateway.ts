import { deleteNatGateway } from '../domain/natGateways';
import { defineAction } from './define';

/** `deleting` now, `deleted` through the back end; the interface and the Elastic IP are freed then. */
export default defineAction('DeleteNatGateway', (input, ctx) => {
  deleteNatGateway(ctx, input.NatGatewayId);
  return { NatGatewayId: input.NatGatewayId };
});
