import { requireBlockingState, setSnapshotBlockPublicAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Blocks public sharing of the region's snapshots: `block-all-sharing` or `block-new-sharing`. */
export default defineAction('EnableSnapshotBlockPublicAccess', (input, ctx) => {
  requireBlockingState(input.State);
  return { State: setSnapshotBlockPublicAccess(ctx, input.State) as 'unblocked' };
});
