/**
 * ec2lite's public library API (`require('ec2lite')` / `import … from 'ec2lite'`).
 *
 *   startEc2lite(options)        an HTTP server on a free port, for any client (SDK, boto3, aws-cli), with test controls
 *   mockEc2lite(EC2Client)       the SDK v3's EC2Client answered in-process through aws-sdk-client-mock, no HTTP
 *   connectEc2lite(endpoint)     the test controls of a server started elsewhere (e.g. in jest's globalSetup)
 *
 * Nothing here loads `@aws-sdk/client-ec2` or `aws-sdk-client-mock` (optional peer dependencies) until
 * `mockEc2lite` is called.
 */
import type { Runtime } from './core/runtime';
import { listen } from './server/server';
import { startExtraListeners } from './server/extraListeners';
import { controlsFor, createRuntime, Ec2liteControls, Ec2liteOptions, Ec2liteRuntime } from './library/options';

export { mockEc2lite } from './inProcess';
export type {
  AwsStubLike,
  Ec2liteControls,
  Ec2liteMock,
  Ec2liteOptions,
  Ec2liteRuntime,
  MockEc2liteOptions,
  SdkClientClassLike,
  SdkClientLike,
} from './inProcess';
export type { Config as Ec2liteConfig, LogLevel } from './config';
export type { Clock } from './core/clock';
export type { FaultPlan, FaultPlanInput, FaultsView, FaultRule } from './faults/plan';
import type { FaultPlan, FaultPlanInput, FaultsView } from './faults/plan';

export interface StartEc2liteOptions extends Ec2liteOptions {
  /** TCP port. Default 0: any free port (read it from `port` / `endpoint`). */
  port?: number;
  /** Bind address. Default 127.0.0.1. */
  host?: string;
}

/** What an EC2Client needs to talk to this server: `new EC2Client(server.clientConfig())`. */
export interface Ec2liteClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export interface Ec2liteServer extends Ec2liteControls {
  /** `http://127.0.0.1:<port>`: the endpoint for SDKs (`endpoint`), aws-cli (`--endpoint-url`) and boto3 (`endpoint_url`). */
  readonly endpoint: string;
  readonly port: number;
  /** The emulator behind the server (advanced): pass it to `mockEc2lite(…, { runtime })` to share its state. */
  readonly runtime: Ec2liteRuntime;
  /**
   * Client settings for this server. `account` (12 digits) becomes the access key id, which selects that account;
   * `region` defaults to the server's `region` option.
   */
  clientConfig(opts?: { region?: string; account?: string }): Ec2liteClientConfig;
  /** Closes connections, stops the back end, checkpoints and closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts ec2lite's HTTP server in this process (port 0 by default: a free port) and resolves once it accepts
 * connections. Use it from jest's `globalSetup` or `beforeAll`, or any test runner; `stop()` it at the end.
 */
export async function startEc2lite(options: StartEc2liteOptions = {}): Promise<Ec2liteServer> {
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const runtime = createRuntime(options, { port, host }) as Runtime;
  let running;
  try {
    running = await listen(runtime, port, host);
  } catch (e) {
    runtime.close();
    throw e;
  }
  const extra = await startExtraListeners(running, runtime.config);
  const server = running;
  let stopping: Promise<void> | undefined;
  return {
    endpoint: server.url,
    port: server.port,
    runtime,
    ...controlsFor(runtime),
    clientConfig: (opts = {}) => ({
      endpoint: server.url,
      region: opts.region ?? runtime.config.region,
      credentials: { accessKeyId: opts.account ?? 'test', secretAccessKey: 'test' },
    }),
    stop() {
      stopping ??= Promise.all([extra.close(), server.close()]).then(() => undefined);
      return stopping;
    },
  };
}

/** The same controls, over the admin API of a server that runs elsewhere. */
export interface Ec2liteRemoteControls {
  reset(): Promise<void>;
  /** Resolves to the number of transitions applied. */
  advance(ms?: number): Promise<number>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** The fault plans over `/_ec2lite/faults`. */
  readonly faults: {
    set(plan: FaultPlanInput): Promise<FaultPlan>;
    get(account?: string): Promise<FaultsView>;
    clear(account?: string): Promise<void>;
  };
}

/**
 * Test controls for a server started elsewhere: another process (`npx ec2lite`), or jest's `globalSetup`, whose
 * objects test files cannot reach (hand them the endpoint through an environment variable).
 */
export function connectEc2lite(endpoint: string): Ec2liteRemoteControls {
  const base = endpoint.replace(/\/+$/, '');
  const post = async (path: string, method = 'POST', payload?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${base}/_ec2lite/${path}`, {
      method,
      headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new Error(`ec2lite admin ${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    reset: async () => void (await post('reset')),
    advance: async (ms = 0) => Number((await post(`backend/advance?ms=${Math.max(0, Math.trunc(ms))}`)).applied ?? 0),
    pause: async () => void (await post('backend/pause')),
    resume: async () => void (await post('backend/resume')),
    faults: {
      set: async (plan) => (await post('faults', 'POST', plan)).plan as FaultPlan,
      get: async (account) => (await post(`faults${account ? `?account=${encodeURIComponent(account)}` : ''}`, 'GET')) as unknown as FaultsView,
      clear: async (account) => void (await post(`faults${account ? `?account=${encodeURIComponent(account)}` : ''}`, 'DELETE')),
    },
  };
}
