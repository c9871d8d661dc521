/**
 * The one STS call clients make before any EC2 call: GetCallerIdentity. amazon.aws modules (ec2_security_group
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
  return service === 'sts' || (service === undefined && params.Action === 'GetCallerIdentity');
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
export function handleSts(params: Record<string, string>, scope: Scope, requestId: string): StsResponse {
  if (params.Action === 'GetCallerIdentity') {
    const value = {
      xmlns: STS_NAMESPACE,
      GetCallerIdentityResult: { Arn: `arn:aws:iam::${scope.account}:root`, UserId: scope.account, Account: scope.account },
      ResponseMetadata: { RequestId: requestId },
    };
    return { status: 200, body: serializeDocument('GetCallerIdentityResponse', 'GetCallerIdentityResponse', value, resolve) };
  }
  // the Query services' answer to an operation they do not know; ec2lite serves no other STS operation
  const code = params.Action ? 'InvalidAction' : 'MissingAction';
  const message = params.Action ? `Could not find operation ${params.Action} for version 2011-06-15` : 'Missing Action';
  const value = { xmlns: STS_NAMESPACE, Error: { Type: 'Sender', Code: code, Message: message }, RequestId: requestId };
  return { status: 400, code, body: serializeDocument('ErrorResponse', 'ErrorResponse', value, resolve) };
}
