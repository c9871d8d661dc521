/**
 * The two ways a JavaScript test suite reaches ec2lite, behind one interface, so the same scenarios run in both:
 *   http        startEc2lite() + a real EC2Client pointed at its endpoint (signing, HTTP, XML);
 *   in-process  mockEc2lite() + EC2Client whose send() aws-sdk-client-mock routes to the emulator (no HTTP).
 * Every call any client of a target makes is recorded in its transcript, so two runs can be compared call by call.
 */
import { EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import { mockEc2lite, startEc2lite, type Ec2liteOptions } from '../../src/index';

export type Mode = 'http' | 'in-process';

export interface ClientOptions {
  region?: string;
  /** 12 digits: used as the access key id, which selects that account. */
  account?: string;
}

export interface TranscriptEntry {
  command: string;
  input: unknown;
  output?: unknown;
  error?: Record<string, unknown>;
}

export interface Target {
  readonly mode: Mode;
  /** The default client (us-east-1, default account). */
  readonly ec2: EC2Client;
  client(opts?: ClientOptions): EC2Client;
  reset(): void;
  advance(ms?: number): number;
  pause(): void;
  resume(): void;
  readonly transcript: TranscriptEntry[];
  close(): Promise<void>;
}

/** Makes a fresh target (a fresh emulator) with these options. */
export type TargetFactory = (options?: Ec2liteOptions) => Promise<Target>;

/** The error fields a test can observe (requestId masked: it is random per call). */
export function errorFields(e: unknown): Record<string, unknown> {
  const err = e as EC2ServiceException & { Code?: unknown; Error?: unknown };
  return {
    isEC2ServiceException: e instanceof EC2ServiceException,
    name: err.name,
    message: err.message,
    $fault: err.$fault,
    httpStatusCode: err.$metadata?.httpStatusCode,
    attempts: err.$metadata?.attempts,
    Code: err.Code,
    Error: err.Error,
    ownKeys: Object.keys(err).sort(),
  };
}

function recording(client: EC2Client, transcript: TranscriptEntry[]): EC2Client {
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  (client as unknown as { send: unknown }).send = async (command: { constructor: { name: string }; input: unknown }) => {
    const entry: TranscriptEntry = { command: command.constructor.name, input: command.input };
    transcript.push(entry);
    try {
      const out = (await send(command)) as { $metadata?: Record<string, unknown> };
      entry.output = { ...out, $metadata: { ...out.$metadata, requestId: '<masked>' } };
      return out;
    } catch (e) {
      entry.error = errorFields(e);
      throw e;
    }
  };
  return client;
}

const accessKeyId = (opts: ClientOptions) => opts.account ?? 'AKIDEXAMPLE';

export const httpTarget: TargetFactory = async (options = {}) => {
  const server = await startEc2lite(options);
  const transcript: TranscriptEntry[] = [];
  const clients: EC2Client[] = [];
  const client = (opts: ClientOptions = {}) => {
    const c = new EC2Client({
      endpoint: server.endpoint,
      region: opts.region ?? 'us-east-1',
      credentials: { accessKeyId: accessKeyId(opts), secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    clients.push(c);
    return recording(c, transcript);
  };
  return {
    mode: 'http',
    ec2: client(),
    client,
    reset: server.reset,
    advance: server.advance,
    pause: server.pause,
    resume: server.resume,
    transcript,
    async close() {
      for (const c of clients) c.destroy();
      await server.stop();
    },
  };
};

/**
 * In-process. `style: 'class'` mocks EC2Client itself (what most suites do: every client in the test file is
 * routed); `'instance'` mocks each client object on its own, sharing one emulator (so HTTP clients in the same
 * file stay real, as the equivalence test needs).
 */
export function inProcessTarget(style: 'class' | 'instance'): TargetFactory {
  return async (options = {}) => {
    const transcript: TranscriptEntry[] = [];
    const clients: EC2Client[] = [];
    const make = (opts: ClientOptions) =>
      new EC2Client({ region: opts.region ?? 'us-east-1', credentials: { accessKeyId: accessKeyId(opts), secretAccessKey: 'secret' } });
    const first = make({});
    const mock = mockEc2lite(style === 'class' ? EC2Client : first, options);
    const mocks = [mock];
    const client = (opts: ClientOptions = {}) => {
      const c = clients.length === 0 ? first : make(opts);
      if (style === 'instance' && c !== first) mocks.push(mockEc2lite(c, { runtime: mock.runtime }));
      clients.push(c);
      return recording(c, transcript);
    };
    return {
      mode: 'in-process',
      ec2: client(),
      client,
      reset: mock.reset,
      advance: mock.advance,
      pause: mock.pause,
      resume: mock.resume,
      transcript,
      async close() {
        for (const m of mocks.reverse()) m.restore();
        for (const c of clients) c.destroy();
      },
    };
  };
}
