import type { Vpc } from '../protocol/model/types.generated';
import { NotFoundErrors } from '../errors';
import type { FilterSpec } from '../filters/engine';
import { presentVpc } from '../views/vpc';
import { describe } from '../domain/describe';
import { defineAction } from './define';

const filters: FilterSpec<Vpc> = {
  idSql: 'v.id',
  tags: (v) => v.Tags,
  // `cidr-block` is what amazon.aws's ec2_vpc_net sends; AWS answers it as `cidr` (moto does the same).
  aliases: { 'cidr-block': 'cidr', cidrBlock: 'cidr' },
  fields: {
    'vpc-id': { get: (v) => v.VpcId, sql: 'v.id' },
    cidr: { get: (v) => v.CidrBlock, sql: 'v.cidr' },
    'cidr-block-association.cidr-block': { get: (v) => v.CidrBlockAssociationSet?.map((a) => a.CidrBlock) },
    'cidr-block-association.association-id': { get: (v) => v.CidrBlockAssociationSet?.map((a) => a.AssociationId) },
    'cidr-block-association.state': { get: (v) => v.CidrBlockAssociationSet?.map((a) => a.CidrBlockState?.State) },
    'dhcp-options-id': { get: (v) => v.DhcpOptionsId, sql: 'v.dhcp_options_id' },
    'ipv6-cidr-block-association.association-id': { get: () => undefined },
    'ipv6-cidr-block-association.ipv6-cidr-block': { get: () => undefined },
    'ipv6-cidr-block-association.ipv6-pool': { get: () => undefined },
    'ipv6-cidr-block-association.state': { get: () => undefined },
    'is-default': { get: (v) => v.IsDefault },
    'owner-id': { get: (v) => v.OwnerId, sql: 'v.account' },
    state: { get: (v) => v.State, sql: 'v.state' },
  },
};

export default defineAction('DescribeVpcs', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VpcIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    list: (opts) => ctx.store.vpcs.list(ctx.scope, opts),
    present: (rows) => {
      const tags = ctx.store.tags.forResources(rows.map((r) => r.id));
      return rows.map((r) => presentVpc(r, tags.get(r.id)));
    },
    notFound: (missing) => NotFoundErrors.vpc(missing[0]),
  });
  return { Vpcs: page.items, NextToken: page.nextToken };
});
