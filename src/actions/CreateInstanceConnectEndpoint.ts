import { createInstanceConnectEndpoint } from '../domain/instanceConnectEndpoints';
import { tagsFromSpecifications } from '../domain/tags';
import { presentInstanceConnectEndpoints } from '../views/instanceConnectEndpoint';
import { defineAction } from './define';

/** An endpoint with its interface in the subnet: `create-in-progress`, then `create-complete`. */
export default defineAction('CreateInstanceConnectEndpoint', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['instance-connect-endpoint']).get('instance-connect-endpoint') ?? [];
  const row = createInstanceConnectEndpoint(ctx, input, tags);
  return { InstanceConnectEndpoint: presentInstanceConnectEndpoints(ctx, [row])[0], ClientToken: input.ClientToken };
});
