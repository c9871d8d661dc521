import { acceptVpcPeering } from '../domain/vpcPeering';
import { presentVpcPeerings } from '../views/vpcPeering';
import { defineAction } from './define';

/** Only the accepter's account, in the accepter's region, while the request is pending-acceptance. */
export default defineAction('AcceptVpcPeeringConnection', (input, ctx) => {
  const pcx = acceptVpcPeering(ctx, input.VpcPeeringConnectionId);
  return { VpcPeeringConnection: presentVpcPeerings(ctx, [pcx])[0] };
});
