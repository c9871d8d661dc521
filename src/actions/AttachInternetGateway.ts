import { attachInternetGateway } from '../domain/internetGateways';
import { defineAction } from './define';

/** One gateway per VPC, one VPC per gateway. Routes through the gateway turn active. */
export default defineAction('AttachInternetGateway', (input, ctx) => {
  attachInternetGateway(ctx, input.InternetGatewayId, input.VpcId);
});
