import { rejectVpcPeering } from '../domain/vpcPeering';
import { defineAction } from './define';

/** Only the accepter's account, in the accepter's region, while the request is pending-acceptance. */
export default defineAction('RejectVpcPeeringConnection', (input, ctx) => {
  rejectVpcPeering(ctx, input.VpcPeeringConnectionId);
  return { Return: true };
});
