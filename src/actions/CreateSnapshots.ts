import { createInstanceSnapshots } from '../domain/snapshots';
import { tagsFromSpecifications } from '../domain/tags';
import { presentSnapshots } from '../views/volume';
import { defineAction } from './define';

/** One snapshot per EBS volume of the instance (less the boot volume and listed data volumes when excluded). */
export default defineAction('CreateSnapshots', (input, ctx) => {
  const spec = input.InstanceSpecification;
  const tags = tagsFromSpecifications(input.TagSpecifications, ['snapshot']).get('snapshot') ?? [];
  const rows = createInstanceSnapshots(ctx, {
    instanceId: spec.InstanceId,
    excludeBoot: spec.ExcludeBootVolume,
    excludeVolumeIds: spec.ExcludeDataVolumeIds,
    description: input.Description,
    tags,
    copyVolumeTags: input.CopyTagsFromSource === 'volume',
  });
  return {
    Snapshots: presentSnapshots(ctx, rows).map((s) => ({
      Description: s.Description,
      Tags: s.Tags,
      Encrypted: s.Encrypted,
      VolumeId: s.VolumeId,
      State: s.State,
      VolumeSize: s.VolumeSize,
      StartTime: s.StartTime,
      Progress: s.Progress,
      OwnerId: s.OwnerId,
      SnapshotId: s.SnapshotId,
    })),
  };
});
