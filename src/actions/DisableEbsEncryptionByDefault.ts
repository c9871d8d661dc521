import { setEncryptionByDefault } from '../domain/volumes';
import { defineAction } from './define';

export default defineAction('DisableEbsEncryptionByDefault', (_input, ctx) => ({ EbsEncryptionByDefault: setEncryptionByDefault(ctx, false) }));
