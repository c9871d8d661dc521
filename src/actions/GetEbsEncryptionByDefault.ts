import { encryptionByDefault } from '../domain/volumes';
import { defineAction } from './define';

export default defineAction('GetEbsEncryptionByDefault', (_input, ctx) => ({ EbsEncryptionByDefault: encryptionByDefault(ctx), SseType: 'none' }));
