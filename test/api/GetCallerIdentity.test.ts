/**
 * STS GetCallerIdentity on ec2lite's endpoint (amazon.aws modules and the Terraform provider ask it for the account
 * id at the endpoint they were given). The SDK v3 STS client is not a dependency, so raw signed-looking requests
 * check the exact bytes, and boto3's STS client (when installed) checks that a real parser reads them.
 */
import { rawQuery, startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from '../clients/tools';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const signedFor = (accessKeyId: string, service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261202/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
});
const REQUEST_ID = /<RequestId>([0-9a-f-]{36})<\/RequestId>/;

describe('GetCallerIdentity', () => {
  it("answers in STS's format with the root of the account the access key selects", async () => {
    const r = await rawQuery(t.url, { Action: 'GetCallerIdentity', Version: '2011-06-15' }, { headers: signedFor('210987654321', 'sts') });
    expect(r.status).toBe(200);
    const requestId = REQUEST_ID.exec(r.body)![1];
    expect(r.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        '<Arn>arn:aws:iam::210987654321:root</Arn><UserId>210987654321</UserId><Account>210987654321</Account>' +
        `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  });

  it('uses the default account for other keys, and for an unsigned request', async () => {
    const signed = await rawQuery(t.url, { Action: 'GetCallerIdentity', Version: '2011-06-15' }, { headers: signedFor('test', 'sts') });
    expect(signed.body).toContain('<Account>123456789012</Account>');
    const unsigned = await rawQuery(t.url, { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(unsigned.status).toBe(200);
    expect(unsigned.body).toContain('<Arn>arn:aws:iam::123456789012:root</Arn>');
  });

  it("answers other STS operations with STS's error envelope", async () => {
    const r = await rawQuery(t.url, { Action: 'AssumeRole', Version: '2011-06-15' }, { headers: signedFor('test', 'sts') });
    expect(r).toMatchObject({ status: 400, code: 'InvalidAction', message: 'Could not find operation AssumeRole for version 2011-06-15' });
    expect(r.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type>/);
  });

  it('leaves EC2 requests to EC2', async () => {
    const r = await rawQuery(t.url, { Action: 'GetCallerIdentity', Version: '2016-11-15' }, { headers: signedFor('test', 'ec2') });
    expect(r).toMatchObject({ status: 400, code: 'InvalidAction', message: 'The action GetCallerIdentity is not valid for this web service.' });
  });
});

describe('GetAccessKeyInfo', () => {
  it("answers the account the given key selects, in STS's format", async () => {
    const r = await rawQuery(t.url, { Action: 'GetAccessKeyInfo', Version: '2011-06-15', AccessKeyId: '210987654321' }, { headers: signedFor('test', 'sts') });
    expect(r.status).toBe(200);
    const requestId = REQUEST_ID.exec(r.body)![1];
    expect(r.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<GetAccessKeyInfoResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetAccessKeyInfoResult>' +
        '<Account>210987654321</Account>' +
        `</GetAccessKeyInfoResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetAccessKeyInfoResponse>`,
    );
    const other = await rawQuery(t.url, { Action: 'GetAccessKeyInfo', Version: '2011-06-15', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }, { headers: signedFor('210987654321', 'sts') });
    expect(other.body).toContain('<Account>123456789012</Account>');
  });

  it('refuses a request without AccessKeyId', async () => {
    const r = await rawQuery(t.url, { Action: 'GetAccessKeyInfo', Version: '2011-06-15' }, { headers: signedFor('test', 'sts') });
    expect(r).toMatchObject({
      status: 400,
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'accessKeyId' failed to satisfy constraint: Member must not be null",
    });
  });
});

describeWithTool('boto3', "GetCallerIdentity through boto3's STS client", () => {
  it('is parsed by botocore', async () => {
    const script = 'import boto3, json, sys; s = boto3.client("sts", endpoint_url=sys.argv[1]); r = s.get_caller_identity(); r.pop("ResponseMetadata"); print(json.dumps(r))';
    const r = await run('python3', ['-c', script, t.url], { env: awsEnv({ AWS_ACCESS_KEY_ID: '555555555555' }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ UserId: '555555555555', Account: '555555555555', Arn: 'arn:aws:iam::555555555555:root' });
  });

  it('GetAccessKeyInfo is parsed by botocore', async () => {
    const script = 'import boto3, json, sys; s = boto3.client("sts", endpoint_url=sys.argv[1]); r = s.get_access_key_info(AccessKeyId="AKIAIOSFODNN7EXAMPLE"); print(r["Account"])';
    const r = await run('python3', ['-c', script, t.url], { env: awsEnv({ AWS_ACCESS_KEY_ID: '555555555555' }) });
    expect(r.code).toBe(0);
    // botocore wants 16+ characters, so not an ec2lite account-id key: the default account
    expect(r.stdout.trim()).toBe('123456789012');
  });
});
