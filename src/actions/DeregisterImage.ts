import { deregisterImage } from '../domain/images';
import { defineAction } from './define';

/** The image goes; its snapshots stay unless DeleteAssociatedSnapshots asks (docs/behavior.md "Images"). */
export default defineAction('DeregisterImage', (input, ctx) => {
  const results = deregisterImage(ctx, input.ImageId, input.DeleteAssociatedSnapshots === true);
  return { Return: true, ...(input.DeleteAssociatedSnapshots ? { DeleteSnapshotResults: results } : {}) };
});
