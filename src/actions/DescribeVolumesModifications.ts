import { describe } from '../domain/describe';
import { listVolumeModifications } from '../domain/volumes';
import { NotFoundErrors } from '../errors';
import { volumeModificationFilters } from '../filters/volumes';
import { presentModification } from '../views/volume';
import { defineAction } from './define';

/** The latest modification of each volume; a volume never modified is InvalidVolumeModification.NotFound. */
export default defineAction('DescribeVolumesModifications', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VolumeIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: volumeModificationFilters,
    list: (opts) => listVolumeModifications(ctx, opts),
    present: (rows) => rows.map(presentModification),
    notFound: (missing) => NotFoundErrors.volumeModification(missing[0]),
  });
  return { VolumesModifications: page.items, NextToken: page.nextToken };
});
