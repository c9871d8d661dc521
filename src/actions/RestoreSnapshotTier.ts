import { restoreSnapshot } from '../domain/snapshotTiers';
import { defineAction } from './define';

/** Restores an archived snapshot for some days or for good; done through the back end. */
export default defineAction('RestoreSnapshotTier', (input, ctx) => {
  const { snapshot, permanent } = restoreSnapshot(ctx, input.SnapshotId, input);
  return {
    SnapshotId: snapshot.id,
    RestoreStartTime: new Date(snapshot.tiering_started_at!),
    RestoreDuration: permanent ? undefined : (snapshot.restore_days ?? undefined),
    IsPermanentRestore: permanent,
  };
});
