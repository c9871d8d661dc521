import { detachInternetGateway } from '../domain/internetGateways';
import { defineAction } from './define';

/** Refused while public addresses in the VPC are mapped through it. Routes through it turn blackhole. */
export default defineAction('DetachInternetGateway', (input, ctx) => {
  detachInternetGateway(ctx, input.InternetGatewayId, input.VpcId);
});
