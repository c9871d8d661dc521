import { tagsFromSpecifications } from '../domain/tags';
import { createVpcEndpoint } from '../domain/vpcEndpoints';
import { presentVpcEndpoints } from '../views/vpcEndpoint';
import { defineAction } from './define';

/** Answers `pending`; the back end makes the endpoint available (docs/behavior.md "VPC endpoints"). */
export default defineAction('CreateVpcEndpoint', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['vpc-endpoint']).get('vpc-endpoint') ?? [];
  const endpoint = createVpcEndpoint(ctx, input, tags);
  return { VpcEndpoint: presentVpcEndpoints(ctx, [endpoint])[0], ClientToken: input.ClientToken };
});
