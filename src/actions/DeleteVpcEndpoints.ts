import { deleteVpcEndpoints } from '../domain/vpcEndpoints';
import { defineAction } from './define';

/** `deleting` now, `deleted` through the back end; unknown ids come back in Unsuccessful. */
export default defineAction('DeleteVpcEndpoints', (input, ctx) => {
  const failed = deleteVpcEndpoints(ctx, input.VpcEndpointIds);
  return { Unsuccessful: failed.map((f) => ({ ResourceId: f.id, Error: { Code: f.code, Message: f.message } })) };
});
