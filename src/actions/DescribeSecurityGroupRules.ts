import { NotFoundErrors } from '../errors';
import type { FilterSpec } from '../filters/engine';
import type { SecurityGroupRule } from '../protocol/model/types.generated';
import { presentRule } from '../views/securityGroup';
import { describe } from '../domain/describe';
import { defineAction } from './define';

const filters: FilterSpec<SecurityGroupRule> = {
  idSql: 'r.id',
  tags: (r) => r.Tags,
  fields: {
    'group-id': { get: (r) => r.GroupId, sql: 'r.group_id' },
    'security-group-rule-id': { get: (r) => r.SecurityGroupRuleId, sql: 'r.id' },
  },
};

export default defineAction('DescribeSecurityGroupRules', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.SecurityGroupRuleIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    list: (opts) => ctx.store.securityGroups.rules.list(ctx.scope, opts),
    present: (rows) => {
      const tags = ctx.store.tags.forResources(rows.map((r) => r.id));
      return rows.map((r) => presentRule(r, tags.get(r.id)));
    },
    notFound: (missing) => NotFoundErrors.securityGroupRule(missing[0]),
  });
  return { SecurityGroupRules: page.items, NextToken: page.nextToken };
});
