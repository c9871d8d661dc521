import { describe } from '../domain/describe';
import { listInstances } from '../domain/instances';
import { NotFoundErrors } from '../errors';
import { instanceFilters } from '../filters/instances';
import { loadInstanceRecords, presentRecords, toReservations } from '../views/instance';
import { defineAction } from './define';

/** Pages count instances; the instances of a page are grouped into their reservations. */
export default defineAction('DescribeInstances', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.InstanceIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: instanceFilters,
    idSetName: 'instancesSet',
    list: (opts) => listInstances(ctx, opts),
    present: (rows) => {
      const records = loadInstanceRecords(ctx, rows);
      const apis = presentRecords(ctx, records);
      return records.map((rec, i) => ({ rec, api: apis[i] }));
    },
    notFound: (missing) => NotFoundErrors.instances(missing),
  });
  return { Reservations: toReservations(page.items.map((x) => ({ row: x.rec.row, api: x.api }))), NextToken: page.nextToken };
});
