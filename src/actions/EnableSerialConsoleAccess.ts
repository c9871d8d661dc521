import { setSerialConsoleAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Allows the EC2 serial console in the region. */
export default defineAction('EnableSerialConsoleAccess', (_input, ctx) => ({ SerialConsoleAccessEnabled: setSerialConsoleAccess(ctx, true) }));
