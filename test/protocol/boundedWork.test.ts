/**
 * Bounded work per request (issue 13), over raw HTTP: each input that used to freeze, bloat or crash the server
 * gets a clear EC2 error (or its normal answer), and the next request is served. No timing assertions: the point
 * is the answer and that the server is still there.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Database } from '../../src/store/db';
import { MAX_PARAMETERS } from '../../src/server/requestLimits';
import { useRawServer } from '../helpers/env';
import { rawQuery, TestServer } from '../helpers/server';

let t: TestServer;
let defaultVpcId: string;
const MB = 1024 * 1024;

const post = (body: string | Buffer | Record<string, string>, headers?: Record<string, string>) => rawQuery(t.url, body, { headers });

function expectError(r: { status: number; code?: string; message?: string }, status: number, code: string, message: string): void {
  expect({ status: r.status, code: r.code, message: r.message }).toEqual({ status, code, message });
}

/** `fill(prefix, unit, suffix)`: a body of about 1 MB, within the default --max-body-bytes. */
const fill = (prefix: string, unit: string, suffix = '') => prefix + unit.repeat(Math.floor((MB - 100 - prefix.length - suffix.length) / unit.length)) + suffix;
const params = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join('&');

useRawServer(
  (env) => ({ t, defaultVpcId } = env),
  async () => {
    // whatever happened, the next request is served
    const r = await post({ Action: 'DescribeVpcs', 'VpcId.1': defaultVpcId });
    expect(r.status).toBe(200);
    expect(r.body).toContain(`<vpcId>${defaultVpcId}</vpcId>`);
  },
);

describe('values that made regexes backtrack', () => {
  it('1 MB of spaces then "!" as base64 key material -> InvalidParameterValue, the value cut to 256 characters', async () => {
    const r = await post(fill('Action=ImportKeyPair&KeyName=k&PublicKeyMaterial=', '+', '%21'));
    expectError(r, 400, 'InvalidParameterValue', `Value (${' '.repeat(256)}...) for parameter publicKeyMaterial is invalid. It must be base64-encoded.`);
  });

  it('1 MB of line breaks then "!" as UserData -> AWS\'s user data error', async () => {
    const r = await post(fill('Action=RunInstances&ImageId=ami-760aaa0f&MinCount=1&MaxCount=1&UserData=', 'A%0A', '%21'));
    expectError(r, 400, 'InvalidUserData.Malformed', 'Invalid BASE64 encoding of user data.');
  });

  it('"Credential=" repeated to 1 MB in X-Amz-Credential -> served in the default region', async () => {
    const r = await post(fill('Action=DescribeAvailabilityZones&X-Amz-Credential=', 'Credential%3D'));
    expect(r.status).toBe(200);
    expect(r.body).toContain('<zoneName>us-east-1a</zoneName>');
  });

  it('"Credential=" repeated in the Authorization header -> served, the scope read once from the first', async () => {
    const r = await post({ Action: 'DescribeAvailabilityZones' }, { authorization: `AWS4-HMAC-SHA256 ${'Credential='.repeat(1000)}a/20260101/eu-west-1/ec2/aws4_request` });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<zoneName>eu-west-1a</zoneName>');
  });

  it('a well-formed credential still selects its region', async () => {
    const r = await post({ Action: 'DescribeAvailabilityZones' }, { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ec2/aws4_request, SignedHeaders=host, Signature=0' });
    expect(r.body).toContain('<zoneName>eu-west-1a</zoneName>');
  });

  it('200 wildcard values of 255 characters that almost match -> an answer, not a hang', async () => {
    await post({ Action: 'CreateTags', 'ResourceId.1': defaultVpcId, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'a'.repeat(255) });
    const value = encodeURIComponent('*a'.repeat(127) + 'b');
    const r = await post('Action=DescribeVpcs&Filter.1.Name=tag:Name&' + params(200, (i) => `Filter.1.Value.${i + 1}=${value}`));
    expect(r.status).toBe(200);
    expect(r.body).toContain('<vpcSet/>');
    const hit = await post({ Action: 'DescribeVpcs', 'Filter.1.Name': 'tag:Name', 'Filter.1.Value.1': '*a?a*' });
    expect(hit.body).toContain(`<vpcId>${defaultVpcId}</vpcId>`);
  });
});

describe('compressed bodies', () => {
  it.each([
    ['br', () => brotliCompressSync(Buffer.alloc(256 * MB, 0x61))],
    ['gzip', () => gzipSync(Buffer.alloc(64 * MB, 0x61))],
    ['deflate', () => require('node:zlib').deflateSync(Buffer.alloc(64 * MB, 0x61)) as Buffer],
  ])('%s inflating past --max-body-bytes -> 413 RequestEntityTooLarge', async (encoding, bomb) => {
    const r = await post(bomb(), { 'content-encoding': encoding });
    expectError(r, 413, 'RequestEntityTooLarge', 'The request body exceeds the maximum allowed size of 1048576 bytes.');
  });

  it('a compressed body within the limit is served', async () => {
    const r = await post(gzipSync(Buffer.from(`Action=DescribeVpcs&VpcId.1=${defaultVpcId}`)), { 'content-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.body).toContain(`<vpcId>${defaultVpcId}</vpcId>`);
  });
});

describe('statement cache', () => {
  it('keeps at most its size; a statement used since it was cached gets a second chance', () => {
    const db = new Database(':memory:', 3);
    try {
      const sqls = [1, 2, 3, 4].map((n) => `SELECT ${n}`);
      const first = db.prepare(sqls[0]);
      const second = db.prepare(sqls[1]);
      const third = db.prepare(sqls[2]);
      expect(db.prepare(sqls[0])).toBe(first); // a hit: SELECT 1 gets its second-chance bit
      db.prepare(sqls[3]); // full: SELECT 1 is passed over, SELECT 2 (never hit) goes
      expect(db.cachedStatements).toBe(3);
      expect(db.prepare(sqls[0])).toBe(first);
      expect(db.prepare(sqls[2])).toBe(third);
      expect(db.prepare(sqls[1])).not.toBe(second); // prepared again: it had been evicted
      expect(db.cachedStatements).toBe(3);
      expect(db.prepare(sqls[0]).pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('stays bounded under describes with ever new filter sets', async () => {
    // Filters SQL evaluates, each absent, with one value (`= ?`) or with two (`IN json_each(?)`): 1,000
    // combinations, nearly each its own SQL text, twice what the cache holds. (Their order no longer matters.)
    const names = ['vpc-id', 'cidr', 'state', 'owner-id', 'dhcp-options-id', 'tag-key', 'tag:a'];
    for (let n = 1; n <= 1000; n++) {
      const p: Record<string, string> = { Action: 'DescribeVpcs' };
      let f = 0;
      names.forEach((name, i) => {
        const form = Math.floor(n / 3 ** i) % 3;
        if (form === 0) return;
        f++;
        p[`Filter.${f}.Name`] = name;
        p[`Filter.${f}.Value.1`] = `v${n}`;
        if (form === 2) p[`Filter.${f}.Value.2`] = 'w';
      });
      const r = await post(p);
      expect(r.status).toBe(200);
    }
    expect(t.runtime.services.store.db.cachedStatements).toBeLessThanOrEqual(500);
  });
});

describe("AWS's filter limits", () => {
  it('201 values across the filters -> FilterLimitExceeded; 200 are served', async () => {
    const over = await post('Action=DescribeVpcs&Filter.1.Name=vpc-id&' + params(150, (i) => `Filter.1.Value.${i + 1}=vpc-${i}`) + '&Filter.2.Name=tag:k&' + params(51, (i) => `Filter.2.Value.${i + 1}=v`));
    expectError(over, 400, 'FilterLimitExceeded', 'The maximum number of filter values specified on a single call is 200');
    const at = await post('Action=DescribeVpcs&Filter.1.Name=vpc-id&' + params(199, (i) => `Filter.1.Value.${i + 1}=vpc-${i}`) + `&Filter.1.Value.200=${defaultVpcId}`);
    expect(at.status).toBe(200);
    expect(at.body).toContain(`<vpcId>${defaultVpcId}</vpcId>`);
  });

  it('1,000 filters (the SQLite expression-tree 500) -> FilterLimitExceeded', async () => {
    const r = await post('Action=DescribeInstances&' + params(999, (i) => `Filter.${i + 1}.Name=tag:k${i}&Filter.${i + 1}.Value.1=v`));
    expectError(r, 400, 'FilterLimitExceeded', 'The maximum number of filter values specified on a single call is 200');
  });

  it('tag filters of DescribeTags count too', async () => {
    const r = await post('Action=DescribeTags&Filter.1.Name=tag:Name&' + params(201, (i) => `Filter.1.Value.${i + 1}=v${i}`));
    expectError(r, 400, 'FilterLimitExceeded', 'The maximum number of filter values specified on a single call is 200');
  });

  it('a value of 256 characters -> FilterLimitExceeded; 255 is served', async () => {
    const long = await post({ Action: 'DescribeSubnets', 'Filter.1.Name': 'tag:k', 'Filter.1.Value.1': 'x'.repeat(256) });
    expectError(long, 400, 'FilterLimitExceeded', 'The maximum length for a filter value is 255 characters');
    const ok = await post({ Action: 'DescribeSubnets', 'Filter.1.Name': 'tag:k', 'Filter.1.Value.1': 'x'.repeat(255) });
    expect(ok.status).toBe(200);
  });

  it('a 1 MB filter value -> FilterLimitExceeded', async () => {
    expectError(await post(fill('Action=DescribeVpcs&Filter.1.Name=tag:k&Filter.1.Value.1=', '*a')), 400, 'FilterLimitExceeded', 'The maximum length for a filter value is 255 characters');
  });
});

describe('key depth and parameter count', () => {
  it('a key nested 12,000 levels -> UnknownParameter naming it (cut), not a stack overflow', async () => {
    const key = 'TagSpecification.1.Tag.1.Key' + '.1'.repeat(12_000);
    const r = await post(`Action=CreateTags&ResourceId.1=${defaultVpcId}&${key}=x`);
    expectError(r, 400, 'UnknownParameter', `The parameter ${key.slice(0, 256)}... is not recognized`);
  });

  it('a key as deep as an EC2 shape allows is parsed as usual', async () => {
    const r = await post({ Action: 'CreateSecurityGroup', GroupName: 'deep', GroupDescription: 'd', 'TagSpecification.1.ResourceType': 'security-group', 'TagSpecification.1.Tag.1.Key': 'k', 'TagSpecification.1.Tag.1.Value': 'v' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<key>k</key>');
  });

  it(`more than ${MAX_PARAMETERS} parameters -> InvalidParameterValue before parsing`, async () => {
    const r = await post('Action=DescribeVpcs&' + params(MAX_PARAMETERS, (i) => `P${i}=1`));
    expectError(r, 400, 'InvalidParameterValue', `The request has more than ${MAX_PARAMETERS} parameters, the most ec2lite accepts in one call.`);
    const u = await post('Action=DescribeVpcs&' + params(100_000, (i) => `P${i}=1`));
    expect(u.code).toBe('InvalidParameterValue');
  });

  it(`${MAX_PARAMETERS} parameters are parsed as usual`, async () => {
    const r = await post('Action=DescribeVpcs&' + params(MAX_PARAMETERS - 1, (i) => `VpcId.${i + 1}=vpc-${(0x10000000 + i).toString(16)}`));
    expectError(r, 400, 'InvalidVpcID.NotFound', "The vpc ID 'vpc-10000000' does not exist");
  });
});

describe('echoed values', () => {
  it('a 100 KB value is echoed cut to 256 characters', async () => {
    const r = await post({ Action: 'DescribeVpcs', 'VpcId.1': 'x'.repeat(100_000) });
    expectError(r, 400, 'InvalidVpcID.Malformed', `Invalid id: "${'x'.repeat(256)}..." (expecting "vpc-...")`);
    expect(r.body.length).toBeLessThan(1000);
  });

  it('a raw 0x7F and other controls are echoed as \\uXXXX', async () => {
    const r = await post('Action=DescribeVpcs&VpcId.1=vpc-%7Fa%C2%85b%09');
    expectError(r, 400, 'InvalidVpcID.Malformed', 'Invalid id: "vpc-\\u007fa\\u0085b\\u0009" (expecting "vpc-...")');
    expect(r.body).not.toMatch(/[\u007f\u0085]/);
  });

  it('a cut never splits a surrogate pair', async () => {
    const r = await post({ Action: 'DescribeVpcs', 'VpcId.1': 'x'.repeat(255) + '😀'.repeat(10) });
    expect(r.message).toBe(`Invalid id: "${'x'.repeat(255)}😀..." (expecting "vpc-...")`);
  });
});

describe('garbage AWS refuses is not stored', () => {
  const icmp = (from: string, to: string) => ({
    Action: 'AuthorizeSecurityGroupIngress',
    GroupName: 'default',
    'IpPermissions.1.IpProtocol': 'icmp',
    'IpPermissions.1.FromPort': from,
    'IpPermissions.1.ToPort': to,
    'IpPermissions.1.IpRanges.1.CidrIp': '10.9.0.0/16',
  });

  it.each([
    ['443', '65536', 'ICMP type (443) out of range'],
    ['-2', '0', 'ICMP type (-2) out of range'],
    ['8', '65536', 'ICMP code (65536) out of range'],
    ['8', '256', 'ICMP code (256) out of range'],
  ])('ICMP FromPort=%s ToPort=%s -> InvalidParameterValue, nothing stored', async (from, to, message) => {
    expectError(await post(icmp(from, to)), 400, 'InvalidParameterValue', message);
    const groups = await post({ Action: 'DescribeSecurityGroups', 'GroupName.1': 'default' });
    expect(groups.body).not.toContain('10.9.0.0/16');
  });

  it('ICMP type and code within -1..255 are stored', async () => {
    expect((await post(icmp('8', '0'))).status).toBe(200);
    const groups = await post({ Action: 'DescribeSecurityGroups', 'GroupName.1': 'default' });
    expect(groups.body).toContain('<cidrIp>10.9.0.0/16</cidrIp>');
    await post({ ...icmp('8', '0'), Action: 'RevokeSecurityGroupIngress' });
  });

  it.each([
    [{ GroupName: '', GroupDescription: 'd' }, 'groupName'],
    [{ GroupName: 'empty-description', GroupDescription: '' }, 'groupDescription'],
  ])('CreateSecurityGroup %p -> MissingParameter', async (fields, name) => {
    expectError(await post({ Action: 'CreateSecurityGroup', ...fields }), 400, 'MissingParameter', `The request must contain the parameter ${name}`);
    const groups = await post({ Action: 'DescribeSecurityGroups', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': defaultVpcId });
    expect(groups.body).not.toContain('empty-description');
    expect(groups.body).not.toContain('<groupName></groupName>');
  });

  it.each([
    ['0', 'Value ( 0 ) for parameter maxResults is invalid. Expecting a value greater than 5.'],
    ['4', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.'],
    ['100000', 'Value ( 100000 ) for parameter maxResults is invalid. Expecting a value less than 1000.'],
  ])('DescribeTags MaxResults=%s -> InvalidParameterValue', async (value, message) => {
    expectError(await post({ Action: 'DescribeTags', MaxResults: value }), 400, 'InvalidParameterValue', message);
  });

  it('DescribeTags MaxResults 5 and 1000 are served', async () => {
    for (const value of ['5', '1000']) expect((await post({ Action: 'DescribeTags', MaxResults: value })).status).toBe(200);
  });
});
