import { deleteEndpointServiceConfigs } from '../domain/vpcEndpointServices';
import { defineAction } from './define';

/** Per item: unknown services and services endpoints still hold come back in Unsuccessful. */
export default defineAction('DeleteVpcEndpointServiceConfigurations', (input, ctx) => {
  const failed = deleteEndpointServiceConfigs(ctx, input.ServiceIds);
  return { Unsuccessful: failed.map((f) => ({ ResourceId: f.id, Error: { Code: f.code, Message: f.message } })) };
});
