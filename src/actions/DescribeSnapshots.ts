import { describe } from '../domain/describe';
import { existingSnapshotIds, listSnapshots } from '../domain/snapshots';
import { NotFoundErrors } from '../errors';
import { snapshotFilters } from '../filters/volumes';
import { loadSnapshotRecords, presentSnapshot } from '../views/volume';
import { defineAction } from './define';

/** The caller's snapshots and those it may restore; OwnerIds and RestorableByUserIds narrow them. */
export default defineAction('DescribeSnapshots', (input, ctx) => {
  const req = { owners: input.OwnerIds, restorableBy: input.RestorableByUserIds };
  const page = describe(ctx, {
    ids: input.SnapshotIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: snapshotFilters,
    list: (opts) => listSnapshots(ctx, opts, req),
    existing: (ids) => existingSnapshotIds(ctx, ids),
    present: (rows) => loadSnapshotRecords(ctx, rows),
    notFound: (missing) => NotFoundErrors.snapshots(missing),
  });
  return { Snapshots: page.items.map(presentSnapshot), NextToken: page.nextToken };
});
