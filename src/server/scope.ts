/**
 * Which account and region a request acts on. Region: the SigV4 credential scope
 * (`Credential=AKID/20261124/eu-west-1/ec2/aws4_request`, from the Authorization header or a presigned
 * X-Amz-Credential parameter), else the configured default. Account: the access key id when it is 12 digits
 * (LocalStack's convention, so tests can isolate accounts), else the configured default. Signatures are not
 * verified.
 */
import type { Config } from '../config';
import { isRegionName } from '../domain/regions';
import type { Scope } from '../store/query';

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

export function parseCredential(text: string | undefined): { accessKeyId: string; region: string; service: string } | undefined {
  if (!text) return undefined;
  const m = CREDENTIAL.exec(text.includes('Credential=') ? text : `Credential=${text}`);
  return m ? { accessKeyId: m[1], region: m[2], service: m[3] } : undefined;
}

export function resolveScope(
  authorization: string | undefined,
  params: Record<string, string>,
  config: Pick<Config, 'account' | 'region'>,
): Scope {
  const cred = parseCredential(authorization) ?? parseCredential(params['X-Amz-Credential']);
  const region = cred && isRegionName(cred.region) ? cred.region : config.region;
  const account = cred && /^\d{12}$/.test(cred.accessKeyId) ? cred.accessKeyId : config.account;
  return { account, region };
}
