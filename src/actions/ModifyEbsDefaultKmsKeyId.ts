import { setEbsDefaultKmsKey } from '../domain/volumes';
import { defineAction } from './define';

/** The key EBS encryption by default uses from now on, answered as an ARN. */
export default defineAction('ModifyEbsDefaultKmsKeyId', (input, ctx) => ({ KmsKeyId: setEbsDefaultKmsKey(ctx, input.KmsKeyId) }));
