import { describe } from '../domain/describe';
import { listVpcPeerings } from '../domain/vpcPeering';
import { NotFoundErrors } from '../errors';
import { vpcPeeringFilters } from '../filters/vpcPeering';
import { presentVpcPeerings } from '../views/vpcPeering';
import { defineAction } from './define';

/** Both sides see a connection: the requester's scope and the accepter's. */
export default defineAction('DescribeVpcPeeringConnections', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VpcPeeringConnectionIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: vpcPeeringFilters,
    list: (opts) => listVpcPeerings(ctx, opts),
    present: (rows) => presentVpcPeerings(ctx, rows),
    notFound: (missing) => NotFoundErrors.vpcPeering(missing[0]),
  });
  return { VpcPeeringConnections: page.items, NextToken: page.nextToken };
});
