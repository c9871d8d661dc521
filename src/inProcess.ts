/**
 * ec2lite without HTTP: `mockEc2lite` routes every command an `EC2Client` of the AWS SDK for JavaScript v3 sends to
 * a Runtime through aws-sdk-client-mock.
 *
 * Same behaviour as over HTTP, by construction: the command's input becomes the query parameters the SDK would have
 * sent (src/library/sdkCodec.ts), `Gateway.invoke` runs the same pipeline as an HTTP request (parser, validation,
 * DryRun, transaction, rules, errors), and the output is converted back to what the SDK returns. Errors are
 * `EC2ServiceException`s shaped as the SDK shapes them from the XML error envelope. Options, runtime and controls
 * are shared with startEc2lite (src/library/options.ts).
 *
 * `@aws-sdk/client-ec2` and `aws-sdk-client-mock` are optional peer dependencies: they are required lazily, inside
 * `mockEc2lite`, so the server and `startEc2lite` never load them.
 */
import { randomUUID } from 'node:crypto';
import { Runtime } from './core/runtime';
import { resolveScope } from './core/scope';
import { Ec2Error, RequestErrors } from './errors';
import { controlsFor, createRuntime, type Ec2liteControls, type Ec2liteOptions, type Ec2liteRuntime } from './library/options';
import { isObject, toQueryParams, toSdkOutput } from './library/sdkCodec';
import { getOperation } from './protocol/model';
import { XML_CONTENT_TYPE } from './protocol/xmlSerializer';

export type { Ec2liteControls, Ec2liteOptions, Ec2liteRuntime } from './library/options';

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
      value: { statusCode: error.status, headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-requestid': requestId } },
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
