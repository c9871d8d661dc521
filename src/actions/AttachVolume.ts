import { attachVolume } from '../domain/volumes';
import { presentVolumeAttachment } from '../views/volume';
import { defineAction } from './define';

/** `attaching`, then `attached` through the back end (--attach-ms). */
export default defineAction('AttachVolume', (input, ctx) =>
  presentVolumeAttachment(attachVolume(ctx, { volumeId: input.VolumeId, instanceId: input.InstanceId, device: input.Device })),
);
