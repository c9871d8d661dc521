import { defineAction } from './define';

/** AWS answers the alias of the AWS-managed key until the account picks its own (ModifyEbsDefaultKmsKeyId). */
export default defineAction('GetEbsDefaultKmsKeyId', () => ({ KmsKeyId: 'alias/aws/ebs' }));
