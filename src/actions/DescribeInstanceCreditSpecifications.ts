import { describe } from '../domain/describe';
import { listInstances, listUnlimitedCreditInstances } from '../domain/instances';
import { NotFoundErrors } from '../errors';
import { instanceCreditFilters } from '../filters/instanceCredits';
import { presentCreditSpecifications } from '../views/instanceCredits';
import { defineAction } from './define';

/**
 * Named instances report their credit option whatever their type; without ids, AWS lists the instances whose
 * option is unlimited. MaxResults and InstanceIds exclude each other (AWS's API reference).
 */
export default defineAction('DescribeInstanceCreditSpecifications', (input, ctx) => {
  const named = (input.InstanceIds ?? []).length > 0;
  const page = describe(ctx, {
    ids: input.InstanceIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: instanceCreditFilters,
    idSetName: 'instancesSet',
    list: (opts) => (named ? listInstances(ctx, opts) : listUnlimitedCreditInstances(ctx, opts)),
    present: (rows) => presentCreditSpecifications(ctx, rows),
    notFound: (missing) => NotFoundErrors.instances(missing),
  });
  return { InstanceCreditSpecifications: page.items, NextToken: page.nextToken };
});
