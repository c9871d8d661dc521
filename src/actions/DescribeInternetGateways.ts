import { NotFoundErrors } from '../errors';
import type { FilterSpec } from '../filters/engine';
import type { InternetGateway } from '../protocol/model/types.generated';
import { presentInternetGateway } from '../views/routing';
import { describe } from '../domain/describe';
import { defineAction } from './define';

const filters: FilterSpec<InternetGateway> = {
  idSql: 'g.id',
  tags: (g) => g.Tags,
  fields: {
    'attachment.state': { get: (g) => g.Attachments?.map((a) => a.State) },
    'attachment.vpc-id': { get: (g) => g.Attachments?.map((a) => a.VpcId), sql: 'g.vpc_id' },
    'internet-gateway-id': { get: (g) => g.InternetGatewayId, sql: 'g.id' },
    'owner-id': { get: (g) => g.OwnerId, sql: 'g.account' },
  },
};

export default defineAction('DescribeInternetGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.InternetGatewayIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    list: (opts) => ctx.store.internetGateways.list(ctx.scope, opts),
    present: (rows) => {
      const tags = ctx.store.tags.forResources(rows.map((r) => r.id));
      return rows.map((r) => presentInternetGateway(r, tags.get(r.id) ?? []));
    },
    notFound: (missing) => NotFoundErrors.internetGateway(missing[0]),
  });
  return { InternetGateways: page.items, NextToken: page.nextToken };
});
