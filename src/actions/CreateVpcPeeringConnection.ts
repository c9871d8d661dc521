import { tagsFromSpecifications } from '../domain/tags';
import { createVpcPeering } from '../domain/vpcPeering';
import { presentVpcPeerings } from '../views/vpcPeering';
import { defineAction } from './define';

/** Answers `initiating-request`; the back end checks the peer VPC (docs/behavior.md "VPC peering"). */
export default defineAction('CreateVpcPeeringConnection', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['vpc-peering-connection']).get('vpc-peering-connection') ?? [];
  const pcx = createVpcPeering(ctx, input, tags);
  return { VpcPeeringConnection: presentVpcPeerings(ctx, [pcx])[0] };
});
