import { setSerialConsoleAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Turns the EC2 serial console off in the region. */
export default defineAction('DisableSerialConsoleAccess', (_input, ctx) => ({ SerialConsoleAccessEnabled: setSerialConsoleAccess(ctx, false) }));
