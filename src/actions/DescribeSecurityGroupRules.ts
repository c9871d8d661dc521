import { describe } from '../domain/describe';
import { checkRuleGroupFilter, listSecurityGroupRules } from '../domain/securityGroups';
import { NotFoundErrors } from '../errors';
import { securityGroupRuleFilters } from '../filters/securityGroups';
import { presentRules } from '../views/securityGroup';
import { defineAction } from './define';

export default defineAction('DescribeSecurityGroupRules', (input, ctx) => {
  checkRuleGroupFilter(input.Filters);
  const page = describe(ctx, {
    ids: input.SecurityGroupRuleIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: securityGroupRuleFilters,
    list: (opts) => listSecurityGroupRules(ctx, opts),
    present: (rows) => presentRules(ctx, rows),
    notFound: (missing) => NotFoundErrors.securityGroupRule(missing[0]),
  });
  return { SecurityGroupRules: page.items, NextToken: page.nextToken };
});
