/**
 * The STS calls clients make before any EC2 call: GetCallerIdentity (and GetAccessKeyInfo). amazon.aws modules (ec2_security_group
 * and others) ask it for the account id and send it to the same endpoint_url as EC2; the Terraform provider asks it
 * when its `sts` endpoint points here. Requests signed for the `sts` service, or naming GetCallerIdentity (an
 * action EC2 lacks), are answered here in STS's own Query format (`<…Result>` wrapper, `ErrorResponse` envelope);
 * every other request goes to the EC2 gateway.
 */
import type { ShapeResolver, XmlShape } from '../protocol/xmlSerializer';
import { serializeDocument } from '../protocol/xmlSerializer';
import type { Scope } from '../store/query';
import { parseCredential } from '../core/scope';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function isStsRequest(params: Record<string, string>, authorization: string | undefined): boolean {
  const service = (parseCredential(authorization) ?? parseCredential(params['X-Amz-Credential']))?.service;
  return service === 'sts' || (service === undefined && (params.Action === 'GetCallerIdentity' || params.Action === 'GetAccessKeyInfo'));
}

const str = (xml: string) => ({ shape: 'String', xml });
const SHAPES: Record<string, XmlShape> = {
  String: { type: 'string' },
  GetCallerIdentityResponse: {
    type: 'structure',
    members: {
      xmlns: { shape: 'String', xml: 'xmlns', attribute: true },
      GetCallerIdentityResult: { shape: 'GetCallerIdentityResult', xml: 'GetCallerIdentityResult' },
      ResponseMetadata: { shape: 'ResponseMetadata', xml: 'ResponseMetadata' },
    },
  },
  GetCallerIdentityResult: { type: 'structure', members: { Arn: str('Arn'), UserId: str('UserId'), Account: str('Account') } },
  GetAccessKeyInfoResponse: {
    type: 'structure',
    members: {
      xmlns: { shape: 'String', xml: 'xmlns', attribute: true },
      GetAccessKeyInfoResult: { shape: 'GetAccessKeyInfoResult', xml: 'GetAccessKeyInfoResult' },
      ResponseMetadata: { shape: 'ResponseMetadata', xml: 'ResponseMetadata' },
    },
  },
  GetAccessKeyInfoResult: { type: 'structure', members: { Account: str('Account') } },
  ResponseMetadata: { type: 'structure', members: { RequestId: str('RequestId') } },
  ErrorResponse: {
    type: 'structure',
    members: {
      xmlns: { shape: 'String', xml: 'xmlns', attribute: true },
      Error: { shape: 'Error', xml: 'Error' },
      RequestId: str('RequestId'),
    },
  },
  Error: { type: 'structure', members: { Type: str('Type'), Code: str('Code'), Message: str('Message') } },
};
const resolve: ShapeResolver = (name) => SHAPES[name];

interface StsResponse {
  status: number;
  body: string;
  code?: string;
}

/**
 * ec2lite has no IAM users: the caller is the account's root, as AWS reports root credentials
 * (`arn:aws:iam::<account>:root`, UserId = the account id).
 */
export function handleSts(params: Record<string, string>, scope: Scope, requestId: string, defaultAccount = scope.account): StsResponse {
  if (params.Action === 'GetCallerIdentity') {
    const value = {
      xmlns: STS_NAMESPACE,
      GetCallerIdentityResult: { Arn: `arn:aws:iam::${scope.account}:root`, UserId: scope.account, Account: scope.account },
      ResponseMetadata: { RequestId: requestId },
    };
    return { status: 200, body: serializeDocument('GetCallerIdentityResponse', 'GetCallerIdentityResponse', value, resolve) };
  }
  if (params.Action === 'GetAccessKeyInfo') {
    const key = params.AccessKeyId;
    // AWS's validation text for a missing member (the Coral form STS uses); AWS also wants 16+ characters, which
    // ec2lite's keys (a 12-digit account id) do not have, so length is not checked
    if (key === undefined || key === '') {
      return stsError(requestId, 'ValidationError', "1 validation error detected: Value null at 'accessKeyId' failed to satisfy constraint: Member must not be null");
    }
    // the account this key selects, as for any request signed with it (a 12-digit key is that account)
    const account = /^\d{12}$/.test(key) ? key : defaultAccount;
    const value = { xmlns: STS_NAMESPACE, GetAccessKeyInfoResult: { Account: account }, ResponseMetadata: { RequestId: requestId } };
    return { status: 200, body: serializeDocument('GetAccessKeyInfoResponse', 'GetAccessKeyInfoResponse', value, resolve) };
  }
  // the Query services' answer to an operation they do not know; ec2lite serves no other STS operation
  if (params.Action) return stsError(requestId, 'InvalidAction', `Could not find operation ${params.Action} for version 2011-06-15`);
  return stsError(requestId, 'MissingAction', 'Missing Action');
}

function stsError(requestId: string, code: string, message: string): StsResponse {
  const value = { xmlns: STS_NAMESPACE, Error: { Type: 'Sender', Code: code, Message: message }, RequestId: requestId };
  return { status: 400, code, body: serializeDocument('ErrorResponse', 'ErrorResponse', value, resolve) };
}
