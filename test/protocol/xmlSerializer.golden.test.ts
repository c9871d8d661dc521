/**
 * Golden response tests: fixed output objects (fixtures/wire/responses/<name>.json) must serialize to exactly the
 * XML in <name>.xml, and that XML must read back as the same object through botocore's own EC2 parser (boto3,
 * aws-cli) and through the SDK for JavaScript v3 (real commands against a tiny HTTP server that replays it).
 *
 * The .xml files are pretty-printed for review; a line break between two tags, with the indentation after it, is
 * not part of the comparison (ec2lite prints no whitespace between elements). After a deliberate change, rewrite
 * them with `EC2LITE_UPDATE_GOLDEN=1 npx jest test/protocol/xmlSerializer.golden.test.ts` and review the diff.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ec2 from '@aws-sdk/client-ec2';
import { Ec2Error } from '../../src/errors';
import { getOperation } from '../../src/protocol/model';
import { serializeError, serializeResponse } from '../../src/protocol/xmlSerializer';
import { describeWithTool, run } from '../clients/tools';
import { revive, WIRE_DIR } from './wireFixtures';

interface ResponseFixture {
  name: string;
  operation: string;
  covers: string;
  requestId: string;
  output?: Record<string, unknown> | null;
  /** What a client reads back when it differs from `output` (text XML cannot carry). */
  clientSees?: Record<string, unknown>;
  error?: { code: string; message: string; status: number };
}

const DIR = path.join(WIRE_DIR, 'responses');
const UPDATE = process.env.EC2LITE_UPDATE_GOLDEN === '1';

const fixtures: ResponseFixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) }));

const outputShape = (f: ResponseFixture) => getOperation(f.operation)!.output;

/** The response ec2lite sends for a fixture: status and XML body. */
function render(f: ResponseFixture): { status: number; body: string } {
  if (f.error) return { status: f.error.status, body: serializeError(new Ec2Error(f.error.code, f.error.message, f.error.status), f.requestId) };
  const shape = outputShape(f);
  const value = shape && f.output ? revive(shape, f.output) : f.output;
  return { status: 200, body: serializeResponse(f.operation, shape, value, f.requestId) };
}

/**
 * The XML declaration line as is, then one element per line, indented; text-only elements and empty elements stay
 * on one line.
 */
function pretty(xml: string): string {
  const nl = xml.indexOf('\n');
  const declaration = xml.slice(0, nl + 1);
  const tokens = xml.slice(nl + 1).match(/<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const pad = '  '.repeat(depth);
    if (t.endsWith('/>')) lines.push(pad + t);
    else if (t.startsWith('</')) lines.push('  '.repeat(--depth) + t);
    else if (t.startsWith('<')) {
      const text = tokens[i + 1];
      if (text !== undefined && !text.startsWith('<') && tokens[i + 2]?.startsWith('</')) {
        lines.push(pad + t + text + tokens[i + 2]);
        i += 2;
      } else {
        lines.push(pad + t);
        depth++;
      }
    } else lines.push(pad + t);
  }
  return declaration + lines.join('\n') + '\n';
}

/** Undoes `pretty`: keeps the declaration line, drops line breaks (and the indentation after them) between tags. */
function compact(golden: string): string {
  const nl = golden.indexOf('\n');
  return golden.slice(0, nl + 1) + golden.slice(nl + 1).replace(/>\n *</g, '><').replace(/\n$/, '');
}

it('has fixtures for the rules AWS clients depend on', () => {
  const all = fixtures.map((f) => render(f).body).join('\n');
  expect(fixtures.length).toBeGreaterThanOrEqual(15);
  expect(all).toContain('<groupSet/>'); // empty list: present and empty, never missing
  expect(all).toContain('<subnetSet/>');
  expect(all).toContain('<return>true</return>');
  expect(all).toContain('<launchTime>2024-07-17T14:43:06.000Z</launchTime>');
  expect(all).toContain('<attachTime>2024-07-17T14:43:06.123Z</attachTime>');
  expect(all).toContain('<fromPort>0</fromPort>');
  expect(all).toContain('<deviceIndex>0</deviceIndex>');
  expect(all).toContain('<RequestID>');
  expect(all).not.toMatch(/<(fromPort|toPort|deviceIndex|code|availableIpAddressCount|amiLaunchIndex)\/>/);
  expect(all).not.toMatch(/<\w+>(True|False|TRUE|FALSE|1|0)<\/(isDefault|sourceDestCheck|deleteOnTermination|primary)>/);
});

describe.each(fixtures)('$name ($operation)', (f) => {
  it('serializes to the golden XML', () => {
    const file = path.join(DIR, `${f.name}.xml`);
    const { body } = render(f);
    if (UPDATE) writeFileSync(file, pretty(body));
    expect(body).toBe(compact(readFileSync(file, 'utf8')));
  });
});

it('the golden files are pretty-printed exactly as `pretty` prints them (so compact() undoes it exactly)', () => {
  for (const f of fixtures) {
    const golden = readFileSync(path.join(DIR, `${f.name}.xml`), 'utf8');
    expect(pretty(compact(golden))).toBe(golden);
  }
});

it('no integer element is ever empty: unset (undefined or null) integers are left out', () => {
  const body = serializeResponse(
    'DescribeSecurityGroups',
    'DescribeSecurityGroupsResult',
    { SecurityGroups: [{ GroupId: 'sg-12345678', IpPermissions: [{ IpProtocol: '-1', FromPort: undefined, ToPort: null, IpRanges: [] }] }] },
    'r',
  );
  expect(body).toContain('<ipPermissions><item><ipProtocol>-1</ipProtocol><ipRanges/></item></ipPermissions>');
  expect(body).not.toMatch(/Port/);
});

it('an error message echoing characters XML cannot carry stays well-formed', () => {
  const body = serializeError(new Ec2Error('InvalidAction', 'The action Foo\u0001\u0000 is not valid for this web service.'), 'r');
  expect(body).toContain('<Message>The action Foo\uFFFD\uFFFD is not valid for this web service.</Message>');
});

it('success envelope: declaration, <Action>Response root in the 2016-11-15 namespace, requestId first', () => {
  const { body } = render(fixtures.find((f) => f.name === 'describe_regions')!);
  expect(body).toMatch(
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<DescribeRegionsResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>2a6b3c4d-0000-4000-8000-000000000011<\/requestId><regionInfo><item>/,
  );
});

/** What a client should read back: the fixture's output (unset members absent), or `clientSees`. */
function expectedJson(f: ResponseFixture): Record<string, unknown> {
  return (f.clientSees ?? f.output ?? {}) as Record<string, unknown>;
}

describeWithTool('botocore', "botocore's EC2 response parser reads our XML", () => {
  let parsed: Record<string, { parsed: Record<string, unknown>; requestId: string }>;
  beforeAll(async () => {
    const input = fixtures.map((f) => ({ name: f.name, operation: f.operation, ...render(f) }));
    const res = await run('python3', ['-B', path.join(__dirname, 'botocore_parse.py')], { input: JSON.stringify(input) });
    if (res.code !== 0) throw new Error(`botocore_parse.py failed (${res.code}):\n${res.stderr}`);
    parsed = JSON.parse(res.stdout);
  });

  it.each(fixtures)('$name', (f) => {
    const got = parsed[f.name];
    expect(got.requestId).toBe(f.requestId);
    if (f.error) expect(got.parsed).toEqual({ Error: { Code: f.error.code, Message: f.error.message } });
    else expect(got.parsed).toEqual(expectedJson(f));
  });
});

describe('the SDK for JavaScript v3 reads our XML (real commands against a server replaying it)', () => {
  let server: http.Server;
  let client: ec2.EC2Client;
  let current: ResponseFixture | undefined;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const action = new URLSearchParams(body).get('Action');
        const f = current?.operation === action ? current : undefined;
        if (!f) {
          res.writeHead(500).end(`no fixture for ${action}`);
          return;
        }
        const out = render(f);
        // The headers src/server/app.ts sends (test/protocol/badInput.test.ts checks that it does).
        res.writeHead(out.status, { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-RequestId': f.requestId }).end(out.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new ec2.EC2Client({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (f: ResponseFixture) => {
    current = f;
    const Command = (ec2 as unknown as Record<string, new (input: object) => object>)[`${f.operation}Command`];
    return client.send(new Command({}) as Parameters<typeof client.send>[0]);
  };

  it.each(fixtures.filter((f) => !f.error))('$name', async (f) => {
    const out = (await send(f)) as unknown as Record<string, unknown> & { $metadata: { httpStatusCode?: number; requestId?: string } };
    const { $metadata, ...rest } = out;
    expect($metadata.httpStatusCode).toBe(200);
    expect($metadata.requestId).toBe(f.requestId);
    const shape = outputShape(f);
    expect(rest).toEqual(shape ? revive(shape, expectedJson(f), 'bytes') : {});
  });

  it.each(fixtures.filter((f) => f.error))('$name', async (f) => {
    let caught: unknown;
    try {
      await send(f);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ec2.EC2ServiceException);
    const e = caught as ec2.EC2ServiceException;
    expect({ name: e.name, message: e.message, status: e.$metadata.httpStatusCode, requestId: e.$metadata.requestId }).toEqual({
      name: f.error!.code,
      message: f.error!.message,
      status: f.error!.status,
      requestId: f.requestId,
    });
  });
});
