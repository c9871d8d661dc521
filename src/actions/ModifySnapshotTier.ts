import { archiveSnapshot } from '../domain/snapshotTiers';
import { defineAction } from './define';

/** Archives a completed snapshot (StorageTier `archive`, the model's only value); done through the back end. */
export default defineAction('ModifySnapshotTier', (input, ctx) => {
  const s = archiveSnapshot(ctx, input.SnapshotId);
  return { SnapshotId: s.id, TieringStartTime: new Date(s.tiering_started_at!) };
});
