import { deleteSnapshot } from '../domain/snapshots';
import { defineAction } from './define';

/** Refused while an image uses the snapshot (InvalidSnapshot.InUse). */
export default defineAction('DeleteSnapshot', (input, ctx) => {
  deleteSnapshot(ctx, input.SnapshotId);
});
