import { describe } from '../domain/describe';
import { listTemplateVersions, selectTemplateVersions } from '../domain/launchTemplates';
import { LaunchTemplateErrors } from '../errors';
import { compileFilters } from '../filters/engine';
import { launchTemplateVersionFilters } from '../filters/launchTemplates';
import { presentLaunchTemplateVersions } from '../views/launchTemplate';
import { defineAction } from './define';

export default defineAction('DescribeLaunchTemplateVersions', (input, ctx) => {
  if ((input.Versions?.length ?? 0) > 0 && (input.MinVersion !== undefined || input.MaxVersion !== undefined)) {
    throw LaunchTemplateErrors.versionsAndRange();
  }
  const selection = selectTemplateVersions(ctx, input);
  // An explicit selection that found nothing (no templates, an empty range) is an empty answer, not "everything";
  // its filter names are still checked.
  if (selection.ids?.length === 0) {
    compileFilters(launchTemplateVersionFilters, input.Filters, ctx.scope);
    return { LaunchTemplateVersions: [] };
  }
  const page = describe(ctx, {
    ids: selection.ids,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: launchTemplateVersionFilters,
    list: (opts) => listTemplateVersions(ctx, opts, selection.templateId),
    present: (rows) => presentLaunchTemplateVersions(rows),
    notFound: (missing) => LaunchTemplateErrors.versionNotFound(missing[0].split(':')[1], missing[0].split(':')[0]),
  });
  return { LaunchTemplateVersions: page.items, NextToken: page.nextToken };
});
