import { modifyVolume } from '../domain/volumes';
import { presentModification } from '../views/volume';
import { defineAction } from './define';

/** `modifying`, then `optimizing` (the volume has its new size and type), then `completed`. */
export default defineAction('ModifyVolume', (input, ctx) => {
  const m = modifyVolume(ctx, input.VolumeId, {
    size: input.Size,
    type: input.VolumeType,
    iops: input.Iops,
    throughput: input.Throughput,
    multiAttach: input.MultiAttachEnabled,
  });
  return { VolumeModification: presentModification(m) };
});
