import { describe } from '../domain/describe';
import { NotFoundErrors } from '../errors';
import { listSnapshotTierStatuses } from '../domain/snapshotTiers';
import { snapshotTierStatusFilters } from '../filters/volumes';
import { loadSnapshotRecords, presentSnapshotTierStatus } from '../views/volume';
import { defineAction } from './define';

/** The archive and restore status of each of the caller's snapshots (filters, no ids: the model has none). */
export default defineAction('DescribeSnapshotTierStatus', (input, ctx) => {
  const page = describe(ctx, {
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: snapshotTierStatusFilters,
    list: (opts) => listSnapshotTierStatuses(ctx, opts),
    present: (rows) => loadSnapshotRecords(ctx, rows),
    notFound: (missing) => NotFoundErrors.snapshots(missing), // never: the request names no ids
  });
  return { SnapshotTierStatuses: page.items.map(presentSnapshotTierStatus), NextToken: page.nextToken };
});
