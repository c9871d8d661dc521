/**
 * Bad input over raw HTTP: what SDKs never send (they validate client-side) but curl, old tools and fuzzers do.
 * Every case must get a clear EC2 error envelope with AWS's code, message and status, never a 500, and the
 * server must keep answering afterwards.
 */
import * as http from 'node:http';
import { loadAllActions } from '../../src/actions';
import { getOperation, getShape } from '../../src/protocol/model';
import { useRawServer } from '../helpers/env';
import { rawRequest, RawReply, TestServer } from '../helpers/server';

const ACTIONS = loadAllActions();

let t: TestServer;
let defaultVpcId: string;

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

const send = (pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) =>
  rawRequest(t.url + pathAndQuery, init);

/** POST a form body (a string is sent as is, so malformed encodings reach the server untouched). */
const post = (body: string | Record<string, string>, headers: Record<string, string> = FORM) =>
  send('/', { headers, body: typeof body === 'string' ? body : new URLSearchParams(body).toString() });

function expectError(r: RawReply, status: number, code: string, message?: string | RegExp): void {
  expect({ status: r.status, code: r.code }).toEqual({ status, code });
  if (typeof message === 'string') expect(r.message).toBe(message);
  else if (message) expect(r.message).toMatch(message);
  // EC2's error envelope, with the same request id in the body and the header
  expect(r.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>/);
  expect(r.contentType).toMatch(/^text\/xml/);
  expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(r.headerRequestId).toBe(r.requestId);
}

useRawServer(
  (env) => ({ t, defaultVpcId } = env),
  async () => {
    // whatever happened, the server still answers
    const r = await post({ Action: 'DescribeRegions', 'RegionName.1': 'us-east-1' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<regionName>us-east-1</regionName>');
  },
);

describe('action', () => {
  it.each(['Foo', 'CreateLocalGatewayRoute', 'describeVpcs', 'hasOwnProperty', '__proto__', 'constructor'])(
    'unknown action %s -> 400 InvalidAction',
    async (action) => {
      expectError(await post({ Action: action, Version: '2016-11-15' }), 400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
    },
  );

  it.each([
    ['an empty body', ''],
    ['only Version', 'Version=2016-11-15'],
    ['an empty Action', 'Action=&Version=2016-11-15'],
  ])('missing action (%s) -> 400 MissingAction', async (_label, body) => {
    expectError(await post(body), 400, 'MissingAction', 'The request must contain the parameter Action');
  });

  it('accepts any Version (old tools send older ones)', async () => {
    const r = await post({ Action: 'DescribeRegions', Version: '2009-11-30', 'RegionName.1': 'eu-west-1' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<regionName>eu-west-1</regionName>');
  });
});

describe('parameters', () => {
  it.each([
    ['top level', 'Action=DescribeVpcs&Foo=1', 'Foo'],
    ['inside a list of structures', 'Action=DescribeVpcs&Filter.1.Name=vpc-id&Filter.1.Nme=x', 'Filter.1.Nme'],
    ['below a scalar', 'Action=DescribeVpcs&Filter.1.Name=vpc-id&Filter.1.Value.1.X=x', 'Filter.1.Value.1.X'],
    ['a list sent without an index', 'Action=DescribeVpcs&VpcId=vpc-12345678', 'VpcId'],
    ['a structure sent as a value', 'Action=DescribeVpcs&Filter.1=vpc-id', 'Filter.1'],
    ['a non-numeric list index', 'Action=DescribeVpcs&VpcId.first=vpc-12345678', 'VpcId.first'],
    ['an empty path segment', 'Action=DescribeVpcs&Filter..Name=x', 'Filter..Name'],
    ['the model name instead of the wire name', 'Action=CreateSecurityGroup&GroupName=g&Description=d', 'Description'],
    ['__proto__', 'Action=DescribeRegions&__proto__=x', '__proto__'],
    ['constructor', 'Action=DescribeRegions&constructor=x', 'constructor'],
  ])('unknown parameter (%s) -> 400 UnknownParameter', async (_label, body, name) => {
    expectError(await post(body), 400, 'UnknownParameter', `The parameter ${name} is not recognized`);
  });

  it.each([
    ['abc', 'Value (abc) for parameter maxResults is invalid. It must be an integer.'],
    ['5.5', 'Value (5.5) for parameter maxResults is invalid. It must be an integer.'],
    ['', 'Value () for parameter maxResults is invalid. It must be an integer.'],
    ['99999999999', 'Value (99999999999) for parameter maxResults is invalid. It must be an integer.'],
    ['1', 'Value ( 1 ) for parameter maxResults is invalid. Expecting a value greater than 5.'],
    ['1001', 'Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than 1000.'],
  ])('malformed or out-of-range integer MaxResults=%p -> 400 InvalidParameterValue', async (value, message) => {
    expectError(await post({ Action: 'DescribeVpcs', MaxResults: value }), 400, 'InvalidParameterValue', message);
  });

  it.each([
    [{ Action: 'DescribeVpcs', DryRun: 'yes' }, 'Value (yes) for parameter dryRun is invalid. It must be true or false.'],
    [{ Action: 'DescribeVpcs', DryRun: '1' }, 'Value (1) for parameter dryRun is invalid. It must be true or false.'],
    [
      { Action: 'ModifyVpcAttribute', VpcId: 'vpc-12345678', 'EnableDnsSupport.Value': 'maybe' },
      'Value (maybe) for parameter value is invalid. It must be true or false.',
    ],
  ])('malformed boolean %o -> 400 InvalidParameterValue', async (params, message) => {
    expectError(await post(params), 400, 'InvalidParameterValue', message);
  });

  it.each([
    [{ Action: 'DescribeVpcs', 'VpcId.1': 'vpc-xyz' }, 'InvalidVpcID.Malformed', 'Invalid id: "vpc-xyz" (expecting "vpc-...")'],
    [{ Action: 'DeleteVpc', VpcId: 'vpc-1234567' }, 'InvalidVpcID.Malformed', 'Invalid id: "vpc-1234567" (expecting "vpc-...")'],
    [{ Action: 'CreateSubnet', VpcId: 'VPC-12345678', CidrBlock: '10.0.0.0/24' }, 'InvalidVpcID.Malformed', 'Invalid id: "VPC-12345678" (expecting "vpc-...")'],
    [{ Action: 'DescribeSubnets', 'SubnetId.1': 'subnet-ABCDEF12' }, 'InvalidSubnetID.Malformed', 'Invalid id: "subnet-ABCDEF12" (expecting "subnet-...")'],
    [{ Action: 'DeleteSecurityGroup', GroupId: 'sg-nothex00' }, 'InvalidGroupId.Malformed', 'Invalid id: "sg-nothex00" (expecting "sg-...")'],
  ])('malformed id %o', async (params, code, message) => {
    expectError(await post(params), 400, code, message);
  });

  it('a value outside the enum -> 400 InvalidParameterValue', async () => {
    expectError(
      await post({ Action: 'CreateVpc', CidrBlock: '10.9.0.0/16', InstanceTenancy: 'bogus' }),
      400,
      'InvalidParameterValue',
      'Value (bogus) for parameter instanceTenancy is invalid.',
    );
  });

  it.each(['10.0.0.0/33', 'abc', '10.0.0.300/16', '10.0.0.0', '10.0.0.0/16/8', ' 10.0.0.0/16'])(
    'malformed CIDR %p on CreateVpc -> 400 InvalidParameterValue',
    async (cidr) => {
      expectError(
        await post({ Action: 'CreateVpc', CidrBlock: cidr }),
        400,
        'InvalidParameterValue',
        `Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`,
      );
    },
  );

  it('malformed CIDR on CreateSubnet -> 400 InvalidParameterValue, and nothing is created', async () => {
    expectError(
      await post({ Action: 'CreateSubnet', VpcId: defaultVpcId, CidrBlock: '172.31.300.0/24' }),
      400,
      'InvalidParameterValue',
      'Value (172.31.300.0/24) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
    );
    const r = await post({ Action: 'DescribeSubnets', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': defaultVpcId });
    expect(r.body.match(/<subnetId>/g)).toHaveLength(6); // the six default subnets only (one per us-east-1 zone)
  });

  it.each([
    [{ Action: 'CreateSubnet', CidrBlock: '10.0.0.0/24' }, 'vpcId'],
    [{ Action: 'DeleteVpc' }, 'vpcId'],
    [{ Action: 'CreateSecurityGroup', GroupName: 'g' }, 'groupDescription'],
    [{ Action: 'CreateTags', 'Tag.1.Key': 'k' }, 'resourceId'],
  ])('missing required parameter %o -> 400 MissingParameter', async (params, name) => {
    expectError(await post(params), 400, 'MissingParameter', `The request must contain the parameter ${name}`);
  });

  it('a control character in a value -> 400 InvalidParameterValue (no response could carry it), nothing stored', async () => {
    expectError(
      await post({ Action: 'CreateTags', 'ResourceId.1': defaultVpcId, 'Tag.1.Key': 'k\u0001', 'Tag.1.Value': 'v' }),
      400,
      'InvalidParameterValue',
      'Value (k\\u0001) for parameter key is invalid. It must not contain control characters.',
    );
    const r = await post({ Action: 'DescribeTags', 'Filter.1.Name': 'resource-id', 'Filter.1.Value.1': defaultVpcId });
    expect(r.status).toBe(200);
    expect(r.body).not.toContain('<key>k');
  });

  it('a control character echoed in an error message is written as \\uXXXX, keeping the XML well-formed', async () => {
    const r = await post('Action=Foo%01%00');
    expectError(r, 400, 'InvalidAction', 'The action Foo\\u0001\\u0000 is not valid for this web service.');
    expect(r.body).not.toMatch(/[\u0000-\u0008]/);
    const u = await post('Action=DescribeVpcs&Bad%02Key=1');
    expectError(u, 400, 'UnknownParameter', 'The parameter Bad\\u0002Key is not recognized');
  });

  it('malformed percent-encoding in the body is taken literally, not a crash', async () => {
    const r = await post('Action=DescribeRegions&RegionName.1=%ZZ');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<regionInfo/>');
  });
});

describe('body', () => {
  it.each([
    ['application/json', '{"Action":"DescribeRegions"}'],
    ['application/x-amz-json-1.1', '{"Action":"DescribeRegions"}'],
    ['text/xml', '<DescribeRegions/>'],
  ])('a %s body -> 400 InvalidParameterValue naming the content type', async (type, body) => {
    expectError(
      await post(body, { 'content-type': type }),
      400,
      'InvalidParameterValue',
      `Unsupported Content-Type '${type}'. Send application/x-www-form-urlencoded.`,
    );
  });

  it('a multipart body -> 400 InvalidParameterValue', async () => {
    const form = new FormData();
    form.set('Action', 'DescribeRegions');
    const r = await send('/', { body: form as unknown as string });
    expectError(r, 400, 'InvalidParameterValue', /^Unsupported Content-Type 'multipart\/form-data; boundary=.*'\. Send application\/x-www-form-urlencoded\.$/);
  });

  it('a form body without a content type is accepted (a client that sends none)', async () => {
    const res = await fetch(t.url, { method: 'POST', body: Buffer.from('Action=DescribeRegions&RegionName.1=eu-west-1') });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<regionName>eu-west-1</regionName>');
  });

  const LIMIT = 1024 * 1024;
  const padded = (size: number) => {
    const head = 'Action=DescribeRegions&RegionName.1=';
    return head + 'a'.repeat(size - head.length);
  };

  it('a body over 1 MB -> 413 RequestEntityTooLarge', async () => {
    const r = await post(padded(LIMIT + 1));
    expectError(r, 413, 'RequestEntityTooLarge', `The request body exceeds the maximum allowed size of ${LIMIT} bytes.`);
  });

  it('a chunked body over 1 MB (no Content-Length) -> 413 RequestEntityTooLarge', async () => {
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(t.url, { method: 'POST', headers: { ...FORM, 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      req.write('Action=DescribeRegions&RegionName.1=');
      for (let i = 0; i < 20; i++) req.write(chunk); // 1.25 MB
      req.end();
    });
    expect(r.status).toBe(413);
    expect(r.body).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('a body of exactly 1 MB still goes through', async () => {
    const r = await post(padded(LIMIT));
    expect(r.status).toBe(200);
    expect(r.body).toContain('<regionInfo/>'); // no such region: an empty list, not a size error
  });
});

describe('HTTP method, path and query string', () => {
  it('GET with the query string works (any path)', async () => {
    for (const path of ['/', '/some/path']) {
      const r = await send(`${path}?Action=DescribeRegions&RegionName.1=eu-west-1`, { method: 'GET' });
      expect(r.status).toBe(200);
      expect(r.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<DescribeRegionsResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>/);
      expect(r.body).toContain('<regionName>eu-west-1</regionName>');
      expect(r.body.match(/<regionName>/g)).toHaveLength(1);
      expect(r.headerRequestId).toBe(r.requestId);
    }
  });

  it('GET errors come back as the EC2 envelope', async () => {
    expectError(await send('/?Action=Foo', { method: 'GET' }), 400, 'InvalidAction', 'The action Foo is not valid for this web service.');
    expectError(await send('/?Action=DescribeVpcs&VpcId.1=vpc-xyz', { method: 'GET' }), 400, 'InvalidVpcID.Malformed');
  });

  it('GET + POST: the query string and the body are merged, and the body wins on a conflict', async () => {
    const both = await send('/?Action=Foo&MaxResults=abc', { headers: FORM, body: 'Action=DescribeVpcs&MaxResults=5' });
    expect(both.status).toBe(200);
    expect(both.body).toContain('<DescribeVpcsResponse');
    // a parameter only in the query string is used
    const merged = await send('/?RegionName.1=eu-west-1', { headers: FORM, body: 'Action=DescribeRegions' });
    expect(merged.status).toBe(200);
    expect(merged.body.match(/<regionName>[^<]*<\/regionName>/g)).toEqual(['<regionName>eu-west-1</regionName>']);
    // and its errors are reported
    expectError(await send('/?VpcId.1=vpc-xyz', { headers: FORM, body: 'Action=DescribeVpcs' }), 400, 'InvalidVpcID.Malformed');
  });

  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s -> 400 InvalidParameterValue', async (method) => {
    const r = await send('/?Action=DescribeRegions', { method, headers: FORM, body: method === 'OPTIONS' ? undefined : 'Action=DescribeRegions' });
    expectError(r, 400, 'InvalidParameterValue', `The HTTP method ${method} is not supported; use POST or GET.`);
  });

  it('HEAD -> 400 with no body', async () => {
    const r = await send('/?Action=DescribeRegions', { method: 'HEAD' });
    expect(r.status).toBe(400);
    expect(r.body).toBe('');
  });

  it('a path with broken percent-encoding -> 400, not a crash', async () => {
    const r = await send('/%E0%A4%A?Action=DescribeRegions', { method: 'GET' });
    expectError(r, 400, 'InvalidParameterValue');
  });

  it('an unsupported Content-Encoding -> 400, not a crash', async () => {
    expectError(await post('Action=DescribeRegions', { ...FORM, 'content-encoding': 'foo' }), 400, 'InvalidParameterValue', 'unsupported content encoding "foo"');
    expectError(await post('Action=DescribeRegions', { ...FORM, 'content-encoding': 'gzip' }), 400, 'InvalidParameterValue');
  });
});

describe('never a 500', () => {
  /** Every member of every registered action's input, sent alone with a value no shape accepts as is. */
  const probes: Array<[string, string]> = [];
  for (const action of ACTIONS) {
    const op = getOperation(action.name)!;
    const shape = op.input ? getShape(op.input) : undefined;
    if (shape?.type !== 'structure') continue;
    for (const ref of Object.values(shape.members)) {
      const member = getShape(ref.shape);
      const key = member.type === 'list' ? `${ref.wire}.1` : member.type === 'structure' ? `${ref.wire}.X` : ref.wire;
      probes.push([action.name, key]);
    }
  }

  // One test for the whole sweep (it grows with the model: ~3 requests per member), sent 8 at a time.
  it(`${probes.length} garbage parameters across ${ACTIONS.length} actions all get a 4xx EC2 error or a 200`, async () => {
    expect(probes.length).toBeGreaterThan(100);
    const statuses = new Map<number, number>();
    const requests = probes.flatMap(([action, key]) => ['\u0000<&>"\'', '-1', ''].map((value) => [action, key, value] as const));
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const [action, key, value] = requests[next++];
        const r = await post(`Action=${action}&${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status >= 500 || (r.status !== 200 && !r.code)) throw new Error(`${action} ${key}=${JSON.stringify(value)} -> ${r.status}\n${r.body}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    // 200, or a client error (400; 412 DryRunOperation; 401 AuthFailure for an address that is not the caller's)
    expect([...statuses.keys()].filter((s) => s !== 200 && (s < 400 || s >= 500))).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(0);
  }, 240_000);
});
