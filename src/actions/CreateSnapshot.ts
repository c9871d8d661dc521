import { createSnapshot } from '../domain/snapshots';
import { tagsFromSpecifications } from '../domain/tags';
import { requireVolume } from '../domain/volumes';
import { presentSnapshots } from '../views/volume';
import { defineAction } from './define';

/** `pending`, then `completed` through the back end (--snapshot-ms). */
export default defineAction('CreateSnapshot', (input, ctx) => {
  const volume = requireVolume(ctx, input.VolumeId);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['snapshot']).get('snapshot') ?? [];
  return presentSnapshots(ctx, [createSnapshot(ctx, volume, input.Description, tags)])[0];
});
