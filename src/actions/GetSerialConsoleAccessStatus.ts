import { serialConsoleAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Whether the EC2 serial console may be used in the region (off until enabled). */
export default defineAction('GetSerialConsoleAccessStatus', (_input, ctx) => ({ SerialConsoleAccessEnabled: serialConsoleAccess(ctx), ManagedBy: 'account' }));
