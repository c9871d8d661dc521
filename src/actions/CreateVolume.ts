import { addTags, tagsFromSpecifications } from '../domain/tags';
import { createVolume } from '../domain/volumes';
import { zoneById } from '../domain/regions';
import { RequestErrors } from '../errors';
import { presentVolumes } from '../views/volume';
import { defineAction } from './define';

/** A new volume (`creating`, then `available` through the back end), from a size or a snapshot, in one zone. */
export default defineAction('CreateVolume', (input, ctx) => {
  const zone = input.AvailabilityZone ?? (input.AvailabilityZoneId !== undefined ? zoneById(ctx.scope.region, input.AvailabilityZoneId)?.name ?? input.AvailabilityZoneId : undefined);
  if (zone === undefined) throw RequestErrors.missingParameter('availabilityZone');
  const tags = tagsFromSpecifications(input.TagSpecifications, ['volume']).get('volume') ?? [];
  const volume = createVolume(ctx, {
    zone,
    size: input.Size,
    snapshotId: input.SnapshotId,
    type: input.VolumeType,
    iops: input.Iops,
    throughput: input.Throughput,
    encrypted: input.Encrypted,
    kmsKeyId: input.KmsKeyId,
    multiAttach: input.MultiAttachEnabled,
  });
  addTags(ctx, volume.id, 'volume', tags);
  return presentVolumes(ctx, [volume])[0];
});
