import { resetEbsDefaultKmsKey } from '../domain/volumes';
import { defineAction } from './define';

/** Back to the AWS-managed key for EBS; the answer is its ARN. */
export default defineAction('ResetEbsDefaultKmsKeyId', (_input, ctx) => ({ KmsKeyId: resetEbsDefaultKmsKey(ctx) }));
