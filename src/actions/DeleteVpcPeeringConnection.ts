import { deleteVpcPeering } from '../domain/vpcPeering';
import { defineAction } from './define';

/** Either side deletes an active connection; the requester also a pending one. Routes through it go blackhole. */
export default defineAction('DeleteVpcPeeringConnection', (input, ctx) => {
  deleteVpcPeering(ctx, input.VpcPeeringConnectionId);
  return { Return: true };
});
