import { resetSnapshotAttribute } from '../domain/snapshots';
import { defineAction } from './define';

export default defineAction('ResetSnapshotAttribute', (input, ctx) => {
  resetSnapshotAttribute(ctx, input.SnapshotId, input.Attribute);
});
