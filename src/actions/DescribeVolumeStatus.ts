import { describe } from '../domain/describe';
import { listVolumes } from '../domain/volumes';
import { NotFoundErrors } from '../errors';
import { volumeStatusFilters } from '../filters/volumes';
import { presentVolumeStatus } from '../views/volume';
import { defineAction } from './define';

export default defineAction('DescribeVolumeStatus', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VolumeIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: volumeStatusFilters,
    list: (opts) => listVolumes(ctx, opts),
    present: (rows) => rows.map(presentVolumeStatus),
    notFound: (missing) => NotFoundErrors.volumes(missing),
  });
  return { VolumeStatuses: page.items, NextToken: page.nextToken };
});
