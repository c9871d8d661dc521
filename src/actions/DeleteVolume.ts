import { deleteVolume } from '../domain/volumes';
import { defineAction } from './define';

/** An attached volume (attaching, attached or detaching) cannot be deleted: VolumeInUse. */
export default defineAction('DeleteVolume', (input, ctx) => {
  deleteVolume(ctx, input.VolumeId);
});
