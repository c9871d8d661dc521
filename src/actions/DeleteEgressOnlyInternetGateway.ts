import { deleteEgressOnlyGateway } from '../domain/egressOnlyGateways';
import { defineAction } from './define';

export default defineAction('DeleteEgressOnlyInternetGateway', (input, ctx) => {
  deleteEgressOnlyGateway(ctx, input.EgressOnlyInternetGatewayId);
  return { ReturnCode: true };
});
