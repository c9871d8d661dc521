import { detachVolume } from '../domain/volumes';
import { presentVolumeAttachment } from '../views/volume';
import { defineAction } from './define';

/** `detaching`, then gone (the volume `available`) through the back end (--detach-ms). */
export default defineAction('DetachVolume', (input, ctx) =>
  presentVolumeAttachment(
    detachVolume(ctx, { volumeId: input.VolumeId, instanceId: input.InstanceId, device: input.Device, force: input.Force }),
  ),
);
