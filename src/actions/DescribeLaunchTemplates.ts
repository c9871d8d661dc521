import { describe } from '../domain/describe';
import { existingTemplateIds, listLaunchTemplates } from '../domain/launchTemplates';
import { LaunchTemplateErrors } from '../errors';
import { launchTemplateFilters } from '../filters/launchTemplates';
import { presentLaunchTemplates } from '../views/launchTemplate';
import { defineAction } from './define';

export default defineAction('DescribeLaunchTemplates', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.LaunchTemplateIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: launchTemplateFilters,
    list: (opts) => listLaunchTemplates(ctx, opts, input.LaunchTemplateNames),
    existing: (ids) => existingTemplateIds(ctx, ids),
    present: (rows) => presentLaunchTemplates(ctx, rows),
    notFound: (missing) => LaunchTemplateErrors.idNotFound(missing[0]),
  });
  return { LaunchTemplates: page.items, NextToken: page.nextToken };
});
