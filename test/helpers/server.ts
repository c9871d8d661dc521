/**
 * Test harness: an in-process ec2lite on port 0 with a manual clock, and an SDK v3 client pointed at it.
 */
import { EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { Runtime } from '../../src/core/runtime';
import { listen, RunningServer } from '../../src/server/server';

export interface TestServer {
  url: string;
  runtime: Runtime;
  server: RunningServer;
  ec2: EC2Client;
  /** A client for another region or account (12-digit access key id = account). */
  client(opts?: { region?: string; accessKeyId?: string }): EC2Client;
  /** Moves the manual clock forward and applies what is due. */
  advance(ms?: number): number;
  close(): Promise<void>;
}

export async function startTestServer(config: Partial<Config> = {}): Promise<TestServer> {
  const runtime = new Runtime(
    { logLevel: 'silent', tickMs: 0, ...config },
    { clock: 'manual', logger: createLogger('silent') },
  );
  const server = await listen(runtime, 0, '127.0.0.1');
  const clients: EC2Client[] = [];
  const client = (opts: { region?: string; accessKeyId?: string } = {}) => {
    const c = new EC2Client({
      endpoint: server.url,
      region: opts.region ?? 'us-east-1',
      credentials: { accessKeyId: opts.accessKeyId ?? 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    clients.push(c);
    return c;
  };
  const ec2 = client();
  return {
    url: server.url,
    runtime,
    server,
    ec2,
    client,
    advance: (ms = 0) => runtime.backend.advance(ms),
    async close() {
      for (const c of clients) c.destroy();
      await server.close();
    },
  };
}

export interface ExpectedError {
  code: string;
  message?: string | RegExp;
  status?: number;
}

/** Awaits a call that must fail with this EC2 error (code, and message / status when given). */
export async function expectEc2Error(call: Promise<unknown>, expected: ExpectedError): Promise<EC2ServiceException> {
  let caught: unknown;
  try {
    await call;
  } catch (e) {
    caught = e;
  }
  if (!caught) throw new Error(`expected ${expected.code}, but the call succeeded`);
  const e = caught as EC2ServiceException;
  expect({ code: e.name, status: e.$metadata?.httpStatusCode }).toEqual({
    code: expected.code,
    status: expected.status ?? 400,
  });
  if (expected.message instanceof RegExp) expect(e.message).toMatch(expected.message);
  else if (expected.message !== undefined) expect(e.message).toBe(expected.message);
  return e;
}

/** Raw query call (for what SDKs validate client-side: unknown/missing parameters, bad types). */
export async function rawQuery(
  url: string,
  params: Record<string, string> | string | Buffer,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawReply> {
  const body = typeof params === 'string' || Buffer.isBuffer(params) ? params : new URLSearchParams(params).toString();
  return rawRequest(init.method === 'GET' ? `${url}/?${body}` : url, {
    method: init.method ?? 'POST',
    headers: init.method === 'GET' ? init.headers : { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...init.headers },
    body: init.method === 'GET' ? undefined : body,
  });
}

/** An answer read off the wire: the status, the headers wire tests check, the body and what its envelope says. */
export interface RawReply {
  status: number;
  contentType: string | null;
  /** The `x-amzn-RequestId` header. */
  headerRequestId: string | null;
  body: string;
  code?: string;
  message?: string;
  /** The request id in the body (`RequestID` in an error envelope, `requestId` in an answer). */
  requestId?: string;
}

/** One HTTP request exactly as given (default POST, no headers added), so malformed input reaches the server. */
export async function rawRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawReply> {
  const res = await fetch(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
  const body = await res.text();
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    headerRequestId: res.headers.get('x-amzn-requestid'),
    body,
    code,
    message: message === undefined ? undefined : decodeXml(message),
    requestId: /<(?:RequestID|requestId)>([^<]*)<\/(?:RequestID|requestId)>/.exec(body)?.[1],
  };
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
