import { startPrivateDnsVerification } from '../domain/vpcEndpointServices';
import { defineAction } from './define';

/** The back end verifies the name (ec2lite has no DNS to look the TXT record up in). */
export default defineAction('StartVpcEndpointServicePrivateDnsVerification', (input, ctx) => {
  startPrivateDnsVerification(ctx, input.ServiceId);
  return { ReturnValue: true };
});
