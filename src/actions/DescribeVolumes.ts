import { describe } from '../domain/describe';
import { listVolumes } from '../domain/volumes';
import { NotFoundErrors } from '../errors';
import { volumeFilters } from '../filters/volumes';
import { loadVolumeRecords, presentVolume } from '../views/volume';
import { defineAction } from './define';

export default defineAction('DescribeVolumes', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VolumeIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: volumeFilters,
    list: (opts) => listVolumes(ctx, opts),
    present: (rows) => loadVolumeRecords(ctx, rows),
    notFound: (missing) => NotFoundErrors.volumes(missing),
  });
  return { Volumes: page.items.map(presentVolume), NextToken: page.nextToken };
});
