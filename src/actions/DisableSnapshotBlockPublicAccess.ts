import { setSnapshotBlockPublicAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Public sharing of snapshots is allowed again. */
export default defineAction('DisableSnapshotBlockPublicAccess', (_input, ctx) => ({ State: setSnapshotBlockPublicAccess(ctx, 'unblocked') as 'unblocked' }));
