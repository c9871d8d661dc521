import { ebsDefaultKmsKey } from '../domain/volumes';
import { defineAction } from './define';

/** The account's key (ModifyEbsDefaultKmsKeyId); until it picks one, AWS answers the alias of the AWS-managed key. */
export default defineAction('GetEbsDefaultKmsKeyId', (_input, ctx) => ({ KmsKeyId: ebsDefaultKmsKey(ctx) ?? 'alias/aws/ebs' }));
