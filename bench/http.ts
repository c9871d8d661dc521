/**
 * The benchmark's raw HTTP client: keep-alive sockets, request bodies built once as strings, and the same headers
 * the AWS SDK for JavaScript v3 sends (content type, user agents, invocation id, x-amz-date, x-amz-content-sha256
 * and a real SigV4 Authorization header, computed per request). Nothing is parsed beyond the status and the body
 * text, so the client costs a few tens of microseconds per call and the server dominates what is measured.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { SocketPool } from './socketPool';

export interface HttpTarget {
  /** http://host:port (loopback). */
  endpoint: string;
  region: string;
  /** Access key id; a 12-digit one selects that account on ec2lite (LocalStack's convention). */
  accessKeyId: string;
  secretAccessKey: string;
}

export interface HttpResult {
  status: number;
  body: string;
}

/** Sends one request and collects the reply's status and text. */
export function exchange(options: http.RequestOptions, body?: string | Buffer): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const API_VERSION = '2016-11-15';
const USER_AGENT = `aws-sdk-js/3.1168.0 ua/2.1 os/linux lang/js md/nodejs#${process.versions.node} api/ec2#3.1168.0 m/N,E,e`;

/** `Key=Value&…` as the SDK encodes EC2 query parameters (RFC 3986: `encodeURIComponent` plus `!'()*`). */
export function formEncode(params: Record<string, string | number | boolean>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) parts.push(`${rfc3986(k)}=${rfc3986(String(v))}`);
  return parts.join('&');
}

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An EC2 query body: `Action=…&Version=2016-11-15&…` (the SDK's order: Action, Version, then the members). */
export function queryBody(action: string, params: Record<string, string | number | boolean> = {}): string {
  return formEncode({ Action: action, Version: API_VERSION, ...params });
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

/** SigV4 for service `ec2`, as the SDK signs (the signing key is cached per day). */
class Signer {
  private keyDay = '';
  private key: Buffer = Buffer.alloc(0);

  constructor(private readonly target: HttpTarget) {}

  headers(host: string, body: string): Record<string, string> {
    const now = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const day = now.slice(0, 8);
    if (day !== this.keyDay) {
      const kDate = hmac(`AWS4${this.target.secretAccessKey}`, day);
      this.key = hmac(hmac(hmac(kDate, this.target.region), 'ec2'), 'aws4_request');
      this.keyDay = day;
    }
    const payloadHash = sha256(body);
    const headers: Record<string, string> = {
      'amz-sdk-invocation-id': randomUUID(),
      'amz-sdk-request': 'attempt=1; max=1',
      'content-length': String(Buffer.byteLength(body)),
      'content-type': 'application/x-www-form-urlencoded',
      host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': now,
      'x-amz-user-agent': 'aws-sdk-js/3.1168.0',
    };
    const signed = Object.keys(headers).sort();
    const canonical = ['POST', '/', '', ...signed.map((h) => `${h}:${headers[h]}`), '', signed.join(';'), payloadHash].join('\n');
    const scope = `${day}/${this.target.region}/ec2/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', now, scope, sha256(canonical)].join('\n');
    const signature = createHmac('sha256', this.key).update(toSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${this.target.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
    headers['user-agent'] = USER_AGENT;
    return headers;
  }
}

/**
 * How the raw client's requests travel: `socket` writes each request in one piece on its own keep-alive
 * connections (bench/socketPool.ts, the default); `node-http` goes through node:http's client and agent (the bench's
 * client before 2026-12-03, whose own CPU per call was as large as the server's while cold).
 */
export type Transport = 'socket' | 'node-http';

/** A keep-alive HTTP client for one endpoint and one identity. */
export class RawHttpClient {
  private readonly agent: http.Agent;
  private readonly pool: SocketPool | undefined;
  private readonly url: URL;
  private readonly signer: Signer;

  constructor(
    readonly target: HttpTarget,
    maxSockets: number,
    transport: Transport = 'socket',
  ) {
    this.url = new URL(target.endpoint);
    if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(this.url.hostname)) {
      throw new Error(`the benchmark runs on loopback only; ${target.endpoint} is not a loopback address`);
    }
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
    this.pool = transport === 'socket' ? new SocketPool(this.url.hostname.replace(/^\[|\]$/g, ''), Number(this.url.port || 80), maxSockets) : undefined;
    this.signer = new Signer(target);
  }

  /** POSTs a pre-built form body (signed here) and resolves with the status and the body text. */
  post(body: string, path = '/'): Promise<HttpResult> {
    const headers = this.signer.headers(this.url.host, body);
    if (this.pool) {
      // the head node:http's client writes for the same headers: them in order, then its Connection header
      let text = `POST ${path} HTTP/1.1\r\n`;
      for (const name in headers) text += `${name}: ${headers[name]}\r\n`;
      return this.pool.request(`${text}Connection: keep-alive\r\n\r\n${body}`);
    }
    return exchange({ hostname: this.url.hostname, port: this.url.port, path, method: 'POST', headers, agent: this.agent }, body);
  }

  /** A JSON admin call (ec2lite's /_ec2lite/*, moto's /moto-api/*): unsigned. */
  admin(path: string, method = 'POST'): Promise<HttpResult> {
    return exchange({ hostname: this.url.hostname, port: this.url.port, path, method, agent: this.agent });
  }

  close(): void {
    this.agent.destroy();
    this.pool?.destroy();
  }
}

/** One unsigned-socket probe (a fresh connection, no keep-alive): used while waiting for a server to listen. */
export function probeOnce(endpoint: string, body: string, timeoutMs = 1000): Promise<HttpResult> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: '/',
        method: 'POST',
        agent: false,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
          authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
