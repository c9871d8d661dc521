/**
 * ec2lite without HTTP: an emulator Runtime built from library options, its test controls, and `mockEc2lite`, which
 * routes every command an `EC2Client` of the AWS SDK for JavaScript v3 sends to that Runtime through
 * aws-sdk-client-mock.
 *
 * Same behaviour as over HTTP, by construction: a command's input is turned into the EC2 query parameters the SDK
 * would have sent (walking our trimmed model: wire names, lists flattened as `Key.N`, Dates as ISO-8601, blobs as
 * base64, ClientToken filled in where the SDK fills it), and `Gateway.invoke` runs the same pipeline as an HTTP
 * request (parser, validation, DryRun, transaction, rules, errors). The action's output is converted to what the
 * SDK returns after deserializing our XML (the walk mirrors src/protocol/xmlSerializer.ts: members in the output
 * shape only, absent stays absent, [] stays [], numbers as numbers, timestamps as Dates, blobs as Uint8Array).
 * Errors are `EC2ServiceException`s shaped as the SDK shapes them from the XML error envelope.
 *
 * `@aws-sdk/client-ec2` and `aws-sdk-client-mock` are optional peer dependencies: they are required lazily, inside
 * `mockEc2lite`, so the server and `startEc2lite` never load them.
 */
import { randomUUID } from 'node:crypto';
import type { Config, LogLevel } from './config';
import type { Clock } from './core/clock';
import { Ec2Error, RequestErrors } from './errors';
import { createLogger } from './logger';
import { getOperation, getShape } from './protocol/model';
import { Runtime } from './core/runtime';
import { resolveScope } from './core/scope';
import { parsePlan, type FaultPlan, type FaultPlanInput, type FaultsView } from './faults/plan';

// ---------------------------------------------------------------------------------------------------------------
// Options, runtime and controls (shared with startEc2lite in src/index.ts)

/** Options of an emulator, in-process or behind `startEc2lite`'s HTTP server. */
export interface Ec2liteOptions {
  /** Region of requests that name none (in-process: clients with no region). Default us-east-1. */
  region?: string;
  /** Account of requests whose access key id is not 12 digits. Default 123456789012. */
  account?: string;
  /** SQLite file whose state survives restarts. Default: in memory. */
  db?: string;
  /** `'manual'`: time stands still until `advance(ms)`; `'system'` (default): wall-clock time. */
  clock?: 'system' | 'manual' | Clock;
  /** Seed for deterministic resource ids, MAC addresses and request ids. Default: random. */
  seed?: number;
  /** Default `'silent'` (the CLI's default is `info`). */
  logLevel?: LogLevel;
  /** Back-end transition delays in ms (all default 0: due at once, applied before the next call is served). */
  pendingMs?: number;
  stoppingMs?: number;
  shuttingDownMs?: number;
  attachMs?: number;
  detachMs?: number;
  /** How long terminated instances stay visible. Default 3,600,000. */
  terminatedTtlMs?: number;
  /**
   * A fault plan for every account from the start (README "Testing your retries"); `reset()` comes back to it.
   * Default: none, no faults.
   */
  faults?: FaultPlanInput;
  /** Any other server option (the keys of the CLI's flags); the named options above win. */
  config?: Partial<Config>;
}

/** Test controls of a running emulator. */
export interface Ec2liteControls {
  /** Wipes every account and region (the admin API's `POST /_ec2lite/reset`). */
  reset(): void;
  /**
   * Moves the clock forward `ms` (default 0), then applies every back-end transition that is due, paused or not.
   * Returns how many were applied.
   */
  advance(ms?: number): number;
  /** Stops automatic back-end transitions: only `advance()` applies them until `resume()`. */
  pause(): void;
  /** Restarts automatic transitions (and applies what is due now). */
  resume(): void;
  /** Fault plans, per account (`account` in the plan; default every account). */
  readonly faults: {
    /** Sets (replaces) the plan of its account; throws on an invalid plan. */
    set(plan: FaultPlanInput): FaultPlan;
    /** The plans, and per account the counters (calls, injected faults, hidden items), rules and token buckets. */
    get(account?: string): FaultsView;
    /** Removes one account's plan, or every plan. */
    clear(account?: string): void;
  };
}

/**
 * The emulator behind a server or a mock: its effective configuration and its back end (advanced; shared between
 * `startEc2lite` and `mockEc2lite` through `MockEc2liteOptions.runtime`). A structural view of src/core/runtime.ts's
 * Runtime, so that ec2lite's published types stay free of internal and third-party (SQLite) types.
 */
export interface Ec2liteRuntime {
  readonly config: Readonly<Config>;
  readonly backend: {
    /** Every scheduled back-end transition, with whether it is due now. */
    list(): unknown[];
    advance(ms?: number): number;
    pause(): void;
    resume(): void;
    readonly isPaused: boolean;
  };
  readonly faults: {
    set(plan: FaultPlan): FaultPlan;
    view(account?: string): FaultsView;
    clear(account?: string): string[];
  };
  reset(): void;
  close(): void;
}

const NAMED_OPTIONS = ['region', 'account', 'db', 'seed', 'logLevel', 'pendingMs', 'stoppingMs', 'shuttingDownMs', 'attachMs', 'detachMs', 'terminatedTtlMs'] as const;

/** Config overrides from library options (log level defaults to silent). */
export function configFromOptions(options: Ec2liteOptions, extra: Partial<Config> = {}): Partial<Config> {
  const config: Partial<Config> = { logLevel: 'silent', ...options.config, ...extra };
  const target = config as Record<string, unknown>;
  for (const key of NAMED_OPTIONS) if (options[key] !== undefined) target[key] = options[key];
  if (options.faults !== undefined) config.faults = JSON.stringify(options.faults);
  return config;
}

/** A Runtime (database, services, back end, gateway) from library options. Nothing listens and no timer runs. */
export function createRuntime(options: Ec2liteOptions = {}, extra: Partial<Config> = {}): Ec2liteRuntime {
  const config = configFromOptions(options, extra);
  return new Runtime(config, { clock: options.clock ?? 'system', logger: createLogger(config.logLevel ?? 'silent') });
}

export function controlsFor(runtime: Ec2liteRuntime): Ec2liteControls {
  return {
    reset: () => runtime.reset(),
    advance: (ms = 0) => runtime.backend.advance(ms),
    pause: () => runtime.backend.pause(),
    resume: () => runtime.backend.resume(),
    faults: {
      set: (plan) => runtime.faults.set(parsePlan(plan)),
      get: (account) => runtime.faults.view(account),
      clear: (account) => void runtime.faults.clear(account),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// SDK input -> EC2 query parameters

/**
 * Members the SDK fills with a fresh UUID when they are absent (botocore/Smithy `idempotencyToken`), by input shape.
 * Every such member of EC2's model is a top-level `ClientToken`; this lists those of the operations in our model
 * (test/library/conversion.test.ts checks it against the SDK's own schemas).
 */
export const IDEMPOTENCY_TOKENS: Readonly<Record<string, readonly string[]>> = {
  CreateNetworkInterfaceRequest: ['ClientToken'],
  CreateRouteTableRequest: ['ClientToken'],
  RunInstancesRequest: ['ClientToken'],
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function base64(value: string | Uint8Array): string {
  return typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
}

/** EC2's timestamp wire form as the SDK writes it (ISO-8601, whole seconds without `.000`). */
const isoTimestamp = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** A member our model does not know: written the way the SDK writes an untyped document, so the gateway answers UnknownParameter as it would over HTTP. */
function writeUntyped(value: unknown, key: string, out: Record<string, string>): void {
  if (value === undefined || value === null) return;
  if (value instanceof Date) out[key] = isoTimestamp(value);
  else if (value instanceof Uint8Array) out[key] = base64(value);
  else if (Array.isArray(value)) {
    let i = 1;
    for (const item of value) if (item !== undefined && item !== null) writeUntyped(item, `${key}.${i++}`, out);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) writeUntyped(v, `${key}.${capitalize(k)}`, out);
  } else out[key] = String(value);
}

function writeValue(shapeName: string, value: unknown, key: string, out: Record<string, string>, knownMembers?: ReadonlySet<string>): void {
  const shape = getShape(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) return;
      const tokens = IDEMPOTENCY_TOKENS[shapeName] ?? [];
      const prefix = key ? `${key}.` : '';
      for (const [name, ref] of Object.entries(shape.members)) {
        const v = value[name];
        if (v === undefined || v === null) {
          if (tokens.includes(name)) out[prefix + ref.wire] = randomUUID();
          continue;
        }
        writeValue(ref.shape, v, prefix + ref.wire, out);
      }
      for (const [name, v] of Object.entries(value)) {
        if (name in shape.members) continue;
        // The SDK sends only members its own schema knows; when we can read that schema, so do we.
        if (knownMembers && !knownMembers.has(name)) continue;
        writeUntyped(v, prefix + capitalize(name), out);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return;
      let i = 1;
      for (const item of value) {
        if (item === undefined || item === null) continue;
        writeValue(shape.member.shape, item, `${key}.${i++}`, out);
      }
      return;
    }
    case 'blob':
      if (typeof value === 'string' || value instanceof Uint8Array) out[key] = base64(value);
      return;
    case 'timestamp':
      if (value instanceof Date) out[key] = isoTimestamp(value);
      return;
    default:
      out[key] = String(value);
  }
}

/**
 * The EC2 query parameters (without Action and Version) that the SDK v3 sends for `input` of `operation`.
 * `sdkMembers`: the top-level member names the SDK's schema knows, when known (others are dropped, as the SDK does).
 */
export function toQueryParams(operation: string, input: unknown, sdkMembers?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  const op = getOperation(operation);
  if (!op) return out;
  if (op.input) writeValue(op.input, input ?? {}, '', out, sdkMembers);
  else if (isObject(input)) {
    for (const [name, v] of Object.entries(input)) if (!sdkMembers || sdkMembers.has(name)) writeUntyped(v, capitalize(name), out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Action output -> what the SDK returns after deserializing our XML

function readValue(shapeName: string, value: unknown): unknown {
  const shape = getShape(shapeName);
  switch (shape.type) {
    case 'structure': {
      const obj: Record<string, unknown> = {};
      const src = isObject(value) ? value : {};
      for (const [name, ref] of Object.entries(shape.members)) {
        const v = src[name];
        if (v === undefined || v === null) continue;
        obj[name] = readValue(ref.shape, v);
      }
      return obj;
    }
    case 'list':
      return (value as unknown[]).map((item) => readValue(shape.member.shape, item));
    case 'boolean':
      return Boolean(value);
    case 'integer':
    case 'long':
      return Math.trunc(Number(value));
    case 'double':
    case 'float':
      return Number(String(value));
    case 'timestamp':
      return new Date((value instanceof Date ? value : new Date(value as string | number)).toISOString());
    case 'blob': {
      const buf = Buffer.from(String(value), 'base64');
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    default:
      return String(value);
  }
}

/** The SDK's output object (without `$metadata`) for an action's output. */
export function toSdkOutput(operation: string, output: unknown): Record<string, unknown> {
  const op = getOperation(operation);
  if (!op?.output) return {};
  return readValue(op.output, output ?? {}) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------------
// aws-sdk-client-mock integration

/** An SDK v3 client (e.g. an `EC2Client` instance). */
export interface SdkClientLike {
  send(command: any, ...rest: any[]): any;
}

/** An SDK v3 client class (e.g. `EC2Client`). */
export type SdkClientClassLike = abstract new (...args: any[]) => SdkClientLike;

/**
 * The aws-sdk-client-mock stub (`AwsStub`), typed structurally so that ec2lite's types never need
 * aws-sdk-client-mock. For full typing, create it yourself with `mockClient(EC2Client)` and pass it in, or cast
 * to `AwsClientStub<EC2Client>`.
 */
export interface AwsStubLike {
  send: { callsFake(fn: (this: any, command: any, ...rest: any[]) => unknown): unknown };
  restore(): void;
}

export interface MockEc2liteOptions extends Ec2liteOptions {
  /**
   * Serve from this emulator (e.g. `(await startEc2lite()).runtime`, so HTTP and in-process clients share state)
   * instead of creating one; the other options are then ignored and `restore()` leaves it open.
   */
  runtime?: Ec2liteRuntime;
}

export interface Ec2liteMock<S extends AwsStubLike = AwsStubLike> extends Ec2liteControls {
  /**
   * The aws-sdk-client-mock stub. Behaviours you add with `stub.on(SomeCommand)…` take precedence over ec2lite;
   * every other command goes to ec2lite. `stub.reset()` removes the routing too: call `mockEc2lite` again after it.
   */
  readonly stub: S;
  /** The emulator behind the mock (advanced). */
  readonly runtime: Ec2liteRuntime;
  /** Puts the original `send` back and closes the emulator (unless it was passed in as `runtime`). */
  restore(): void;
}

interface Peers {
  mockClient(target: unknown): AwsStubLike;
  EC2ServiceException: new (options: { name: string; $fault: 'client' | 'server'; $metadata: Record<string, unknown> }) => Error;
}

const PEER_HINT = 'mockEc2lite needs the optional peer dependencies aws-sdk-client-mock and @aws-sdk/client-ec2: npm install --save-dev aws-sdk-client-mock @aws-sdk/client-ec2';

function loadPeers(needMock: boolean): Peers {
  const load = (name: string) => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(name) as Record<string, unknown>;
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code === 'MODULE_NOT_FOUND') throw new Error(`${PEER_HINT} (cannot load ${name})`);
      throw e;
    }
  };
  const sdk = load('@aws-sdk/client-ec2');
  const mock = needMock ? load('aws-sdk-client-mock') : undefined;
  return { mockClient: mock?.mockClient as Peers['mockClient'], EC2ServiceException: sdk.EC2ServiceException as Peers['EC2ServiceException'] };
}

/** `$metadata` as the SDK fills it for one attempt (no CloudFront or extended request ids from EC2). */
const metadata = (httpStatusCode: number, requestId: string) => ({
  httpStatusCode,
  requestId,
  extendedRequestId: undefined,
  cfId: undefined,
  attempts: 1,
  totalRetryDelay: 0,
});

/** An aws-sdk-client-mock stub (rather than a client, whose `send` may itself be a sinon stub). */
const isStub = (t: unknown): t is AwsStubLike =>
  isObject(t) &&
  typeof t.on === 'function' &&
  typeof t.restore === 'function' &&
  (typeof t.send === 'function' || isObject(t.send)) &&
  typeof (t.send as { callsFake?: unknown }).callsFake === 'function';

/** `DescribeVpcsCommand` -> `DescribeVpcs` (falls back to the operation name in the command's schema). */
export function operationNameOf(command: unknown): string {
  const ctorName = (command as { constructor?: { name?: string } })?.constructor?.name;
  if (ctorName && ctorName.endsWith('Command') && ctorName !== 'Command') return ctorName.slice(0, -'Command'.length);
  const schema = (command as { schema?: unknown })?.schema;
  if (Array.isArray(schema) && typeof schema[2] === 'string') return schema[2];
  return ctorName ?? 'Unknown';
}

/** Top-level input member names from the SDK's operation schema (SDK >= 3.7xx, schema-based serde); undefined if unreadable. */
function sdkInputMembers(command: unknown): Set<string> | undefined {
  try {
    const schema = (command as { schema?: unknown }).schema;
    if (!Array.isArray(schema) || schema[0] !== 9) return undefined;
    let input = schema[4];
    if (typeof input === 'function') input = input();
    if (Array.isArray(input) && input[0] === 3 && Array.isArray(input[4]) && input[4].every((m: unknown) => typeof m === 'string')) {
      return new Set(input[4] as string[]);
    }
  } catch {
    // unreadable: send every member
  }
  return undefined;
}

async function safely<T>(f: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await f();
  } catch {
    return undefined;
  }
}

/** Region and access key id as the client would sign with them, without ever touching the network. */
async function clientIdentity(client: unknown): Promise<{ region?: string; accessKeyId?: string }> {
  const c = client as { config?: { region?: unknown }; initConfig?: { credentials?: unknown } };
  const regionCfg = c?.config?.region;
  const region = await safely(() => (typeof regionCfg === 'function' ? regionCfg() : regionCfg));
  // Only credentials the caller configured: the SDK's default chain could reach out to instance metadata.
  const credCfg = c?.initConfig?.credentials;
  let creds = await safely(() => (typeof credCfg === 'function' ? credCfg() : credCfg));
  if (!isObject(creds) && process.env.AWS_ACCESS_KEY_ID) creds = { accessKeyId: process.env.AWS_ACCESS_KEY_ID };
  return {
    region: typeof region === 'string' ? region : undefined,
    accessKeyId: isObject(creds) && typeof creds.accessKeyId === 'string' ? creds.accessKeyId : undefined,
  };
}

/**
 * Routes every command of an SDK v3 `EC2Client` to an in-process ec2lite through aws-sdk-client-mock: no HTTP, the
 * same validation, rules and errors as the server.
 *
 * `target`: the `EC2Client` class (all clients), one client instance, or an aws-sdk-client-mock stub you made with
 * `mockClient(...)`. Account and region come from each client's configuration as over HTTP (a 12-digit access key
 * id selects that account; an unknown or missing region falls back to the `region` option).
 */
export function mockEc2lite<S extends AwsStubLike = AwsStubLike>(
  target: SdkClientClassLike | SdkClientLike | S,
  options: MockEc2liteOptions = {},
): Ec2liteMock<S> {
  if (options.runtime !== undefined && !(options.runtime instanceof Runtime)) {
    throw new TypeError('mockEc2lite: options.runtime must be the runtime of another ec2lite server or mock');
  }
  const givenStub = isStub(target);
  const peers = loadPeers(!givenStub);
  const stub = (givenStub ? target : peers.mockClient(target)) as S;
  const ownsRuntime = !options.runtime;
  const runtime = (options.runtime ?? createRuntime(options)) as Runtime;
  const { log } = runtime.services;

  /** The error the SDK builds from EC2's XML error envelope, with the same own properties. */
  const toSdkError = (error: Ec2Error, requestId: string): Error => {
    const e = new peers.EC2ServiceException({
      name: error.code,
      $fault: error.status >= 500 ? 'server' : 'client',
      $metadata: metadata(error.status, requestId),
    });
    Object.assign(e, { Code: error.code, message: error.message, Error: { Type: undefined, Code: error.code, Message: error.message } });
    // Over HTTP this hidden field holds the raw response; here a stand-in with the same status and request id.
    Object.defineProperty(e, '$response', {
      value: { statusCode: error.status, headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId } },
      enumerable: false,
    });
    return e;
  };

  stub.send.callsFake(async function (this: unknown, command: unknown) {
    const started = process.hrtime.bigint();
    const action = operationNameOf(command);
    const { region, accessKeyId } = await clientIdentity(this);
    const credential = `Credential=${accessKeyId ?? 'ec2lite'}/20260101/${region ?? ''}/ec2/aws4_request`;
    const scope = resolveScope(credential, {}, runtime.config);
    const requestId = randomUUID();
    let result;
    try {
      const input = (command as { input?: unknown })?.input;
      const params = getOperation(action) ? toQueryParams(action, input, sdkInputMembers(command)) : {};
      result = runtime.gateway.invoke(action, params, scope);
    } catch (e) {
      // Input the conversion could not walk (e.g. a cyclic object): a bug to report, surfaced as the server would.
      log.error('internal error', { action, error: (e as Error)?.stack ?? String(e) });
      result = { ok: false as const, error: RequestErrors.internal() };
    }
    const status = result.ok ? 200 : result.error.status;
    log.info('request', {
      mode: 'in-process',
      action,
      account: scope.account,
      region: scope.region,
      status,
      ...(result.ok ? {} : { code: result.error.code }),
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      requestId,
    });
    if (!result.ok) throw toSdkError(result.error, requestId);
    return { ...toSdkOutput(action, result.output), $metadata: metadata(200, requestId) };
  });

  let restored = false;
  return {
    stub,
    runtime,
    ...controlsFor(runtime),
    restore() {
      if (restored) return;
      restored = true;
      stub.restore();
      if (ownsRuntime) runtime.close();
    },
  };
}
