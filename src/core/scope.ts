/**
 * Which account and region a request acts on. Region: the SigV4 credential scope
 * (`Credential=AKID/20261124/eu-west-1/ec2/aws4_request`, from the Authorization header or a presigned
 * X-Amz-Credential parameter), else the configured default. Account: the access key id when it is 12 digits
 * (LocalStack's convention, so tests can isolate accounts), else the configured default. Signatures are not
 * verified.
 */
import type { Config } from '../config';
import { isRegionName } from '../domain/regions';
import { isSpaceCode } from '../protocol/chars';
import type { Scope } from '../store/query';

/**
 * The first `Credential=AKID/YYYYMMDD/region/service/aws4_request` in a header (or a bare X-Amz-Credential value).
 * Plain scanning: an unanchored regex re-scanned the rest of the text at every `Credential=` (quadratic).
 */
export function parseCredential(text: string | undefined): { accessKeyId: string; region: string; service: string } | undefined {
  if (!text) return undefined;
  const at = text.indexOf('Credential=');
  const start = at >= 0 ? at + 'Credential='.length : 0;
  let end = start;
  while (end < text.length && text[end] !== ',' && !isSpaceCode(text.charCodeAt(end))) end++;
  const parts = text.slice(start, end).split('/', 6);
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !isDate(parts[1])) return undefined;
  if (parts.some((p) => p === '')) return undefined;
  return { accessKeyId: parts[0], region: parts[2], service: parts[3] };
}

const isDate = (s: string) => s.length === 8 && [...s].every((c) => c >= '0' && c <= '9');

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
