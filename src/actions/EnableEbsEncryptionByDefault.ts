import { setEncryptionByDefault } from '../domain/volumes';
import { defineAction } from './define';

/** New volumes of this account and region are encrypted from now on. */
export default defineAction('EnableEbsEncryptionByDefault', (_input, ctx) => ({ EbsEncryptionByDefault: setEncryptionByDefault(ctx, true) }));
