import { tagsFromSpecifications } from '../domain/tags';
import { createEndpointServiceConfig } from '../domain/vpcEndpointServices';
import { presentServiceConfigs } from '../views/vpcEndpointService';
import { defineAction } from './define';

/** Available at once, as AWS answers (docs/behavior.md "VPC endpoint services"). */
export default defineAction('CreateVpcEndpointServiceConfiguration', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['vpc-endpoint-service']).get('vpc-endpoint-service') ?? [];
  const service = createEndpointServiceConfig(ctx, input, tags);
  return { ServiceConfiguration: presentServiceConfigs(ctx, [service])[0], ClientToken: input.ClientToken };
});
