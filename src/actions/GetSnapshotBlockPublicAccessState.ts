import { snapshotBlockPublicAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Whether the region's snapshots may be shared publicly (`unblocked` until enabled). */
export default defineAction('GetSnapshotBlockPublicAccessState', (_input, ctx) => ({ State: snapshotBlockPublicAccess(ctx) as 'unblocked', ManagedBy: 'account' }));
