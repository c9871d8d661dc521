/**
 * The in-process mode's two conversions, checked against the SDK itself for EVERY operation of our model, with no
 * server: an EC2Client whose request handler captures what the SDK would send, or answers with the XML our
 * serializer would print.
 *   - input:  toQueryParams(op, input) == the form body the SDK serializes for the same input;
 *   - output: toSdkOutput(op, output) == what the SDK deserializes from serializeResponse(op, output).
 * Inputs and outputs are generated from the model's shapes with awkward values (empty strings and lists, all-absent
 * structures, entities, whitespace, non-ASCII, big and negative numbers, Dates and ISO strings, blobs).
 */
import * as ec2sdk from '@aws-sdk/client-ec2';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IDEMPOTENCY_TOKENS, toQueryParams, toSdkOutput } from '../../src/library/sdkCodec';
import { getOperation, getShape, operationNames } from '../../src/protocol/model';
import { serializeResponse } from '../../src/protocol/xmlSerializer';

type Handler = (request: { body?: unknown }) => { statusCode: number; body: string };

function fakeClient(handler: Handler): EC2Client {
  return new EC2Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        const { statusCode, body } = handler(request);
        return { response: { statusCode, headers: { 'content-type': 'text/xml' }, body: new TextEncoder().encode(body) } };
      },
    } as never,
  });
}

/** splitmix32, so a failure reproduces. */
function rng(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}

const STRINGS = ['', 'plain', ' padded  ', 'a&b<c>"d\'e', 'é✓ unicode', '10.0.0.0/16', 'tab\there', 'x'.repeat(300)];

function sample(shapeName: string, rand: () => number, depth: number, mode: 'input' | 'output'): unknown {
  const shape = getShape(shapeName);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      if (depth > 5 || rand() < 0.1) return out; // all-absent structure
      for (const [name, ref] of Object.entries(shape.members)) if (rand() < 0.7) out[name] = sample(ref.shape, rand, depth + 1, mode);
      return out;
    }
    case 'list': {
      const n = depth > 5 ? 0 : pick([0, 1, 2, 3]);
      return Array.from({ length: n }, () => sample(shape.member.shape, rand, depth + 1, mode));
    }
    case 'string':
      return shape.enum?.length && rand() < 0.5 ? pick(shape.enum) : pick(STRINGS);
    case 'integer':
      return pick([0, 1, -5, 2147483647, 42]);
    case 'long':
      return pick([0, 7, 9007199254740991, -1]);
    case 'double':
    case 'float':
      return pick([0, 1.5, -2.25, 3, 1e-7, 123456.789]);
    case 'boolean':
      return rand() < 0.5;
    case 'timestamp': {
      const d = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 1e10));
      if (mode === 'input') return d;
      return pick([d, d.toISOString(), new Date(Math.floor(d.getTime() / 1000) * 1000)]);
    }
    case 'blob':
      return mode === 'input' ? pick([new Uint8Array([0, 1, 2, 250, 255]), 'text blob', new Uint8Array(0)]) : Buffer.from('blob bytes').toString('base64');
    default:
      throw new Error(`unhandled shape type for ${shapeName}`);
  }
}

/**
 * CopySnapshot's SDK middleware presigns a copy request for SourceRegion (it needs a real region) and adds
 * PresignedUrl and DestinationRegion to what it sends; ec2lite ignores both, and the codec leaves them out.
 */
const FIXED_INPUT: Record<string, Record<string, unknown>> = { CopySnapshot: { SourceRegion: 'us-east-1', SourceSnapshotId: 'snap-1' } };
const SDK_ADDED: Record<string, string[]> = { CopySnapshot: ['PresignedUrl', 'DestinationRegion'] };

const commandOf = (op: string) => (ec2sdk as unknown as Record<string, new (input: unknown) => never>)[`${op}Command`];
/** Operations of our model that the SDK has (the overlay's Eucalyptus extension is not in AWS's SDK). */
const sdkOperations = operationNames().filter((op) => commandOf(op));

it('covers the model', () => {
  expect(sdkOperations.length).toBeGreaterThan(20);
  expect(operationNames().filter((op) => !commandOf(op))).toEqual(operationNames().filter((op) => getOperation(op)!.ec2lite));
});

describe('input: the same query parameters as the SDK sends', () => {
  let captured: Record<string, string> = {};
  const client = fakeClient((req) => {
    captured = Object.fromEntries(new URLSearchParams(String(req.body ?? '')));
    return { statusCode: 200, body: '<R xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId></R>' };
  });
  afterAll(() => client.destroy());

  it.each(sdkOperations)('%s', async (op) => {
    const rand = rng(op.length * 7919 + op.charCodeAt(0));
    const inputShape = getOperation(op)!.input;
    for (let round = 0; round < 25; round++) {
      const input = { ...(inputShape ? (sample(inputShape, rand, 0, 'input') as Record<string, unknown>) : {}), ...FIXED_INPUT[op] };
      await client.send(new (commandOf(op))(input));
      const sent = { ...captured };
      delete sent.Action;
      delete sent.Version;
      for (const added of SDK_ADDED[op] ?? []) if (input[added] === undefined) delete sent[added];
      const ours = toQueryParams(op, input);
      // Idempotency tokens are fresh UUIDs on both sides: compare presence, then the rest exactly.
      for (const member of (inputShape && IDEMPOTENCY_TOKENS[inputShape]) || []) {
        if (input[member] == null) {
          expect(sent[member]).toMatch(/^[0-9a-f-]{36}$/);
          expect(ours[member]).toMatch(/^[0-9a-f-]{36}$/);
          delete sent[member];
          delete ours[member];
        }
      }
      expect(ours).toStrictEqual(sent);
    }
  });

  it('lists the idempotency tokens the SDK fills in (all operations of the model)', async () => {
    const filled: string[] = [];
    for (const op of sdkOperations) {
      await client.send(new (commandOf(op))({ ...FIXED_INPUT[op] }));
      const inputShape = getOperation(op)!.input;
      for (const [key, value] of Object.entries(captured)) {
        if (key !== 'Action' && key !== 'Version' && /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(value)) filled.push(`${inputShape}.${key}`);
      }
    }
    const ours = Object.entries(IDEMPOTENCY_TOKENS)
      .filter(([shape]) => sdkOperations.some((op) => getOperation(op)!.input === shape))
      .flatMap(([shape, members]) => members.map((m) => `${shape}.${m}`));
    expect(filled.sort()).toEqual(ours.sort());
  });

  it('sends members the SDK knows but our model does not, and drops the ones the SDK drops', () => {
    expect(toQueryParams('DescribeVpcs', { VpcIds: ['vpc-1'], NewThing: { A: 1, B: [true] } })).toEqual({
      'VpcId.1': 'vpc-1', // wire name from the model
      'NewThing.A': '1',
      'NewThing.B.1': 'true',
    });
    expect(toQueryParams('DescribeVpcs', { VpcIds: ['vpc-1'], Typo: 'x' }, new Set(['VpcIds', 'Filters', 'DryRun', 'NextToken', 'MaxResults']))).toEqual({ 'VpcId.1': 'vpc-1' });
  });
});

describe('output: what the SDK deserializes from our XML', () => {
  let body = '';
  const client = fakeClient(() => ({ statusCode: 200, body }));
  afterAll(() => client.destroy());

  const withOutput = sdkOperations.filter((op) => getOperation(op)!.output);
  it.each(withOutput)('%s', async (op) => {
    const { output } = getOperation(op)!;
    const rand = rng(op.length * 104729 + op.charCodeAt(1));
    for (let round = 0; round < 25; round++) {
      const value = sample(output!, rand, 0, 'output');
      body = serializeResponse(op, output, value, 'req-1');
      const { $metadata: _, ...fromSdk } = (await client.send(new (commandOf(op))({ ...FIXED_INPUT[op] }))) as unknown as Record<string, unknown>;
      expect(toSdkOutput(op, value)).toStrictEqual(fromSdk);
    }
  });

  it('operations without an output shape give only $metadata', async () => {
    const op = sdkOperations.find((o) => !getOperation(o)!.output)!;
    body = serializeResponse(op, null, undefined, 'req-1');
    const { $metadata: _, ...fromSdk } = (await client.send(new (commandOf(op))({}))) as unknown as Record<string, unknown>;
    expect(fromSdk).toEqual({});
    expect(toSdkOutput(op, undefined)).toEqual({});
  });
});
