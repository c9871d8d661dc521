/**
 * The EC2 Query API over HTTP, without Express (whose routing and body parsing cost as much as a whole
 * DescribeRegions: 0.14 ms vs 0.06 ms per request). `apiAnswerer` checks and answers a request whichever layer read
 * it: src/server/apiConnection.ts (plain requests, off the socket) or `apiHandler` on node:http (the rest).
 * Any path, POST form body and/or GET query string (merged, body wins), one structured log line per request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Ec2Error, RequestErrors } from '../errors';
import { serializeError, XML_CONTENT_TYPE } from '../protocol/xmlSerializer';
import type { Runtime } from '../core/runtime';
import { logs } from '../logger';
import { parseForm } from './form';
import { parameterCount, MAX_PARAMETERS } from './requestLimits';
import type { ApiResponse } from '../core/pipeline';
import { resolveScope } from '../core/scope';
import { handleSts, isStsRequest } from './sts';

function isFormContentType(type: string | undefined): boolean {
  return !type || /^application\/x-www-form-urlencoded\b/i.test(type) || /^text\/plain\b/i.test(type);
}

/** Query string and form body merged; the body wins on a conflict. Values are strings (the last one wins). */
function collectParams(url: string, body: Buffer): Record<string, string> {
  // No prototype: a parameter named `__proto__` must be kept (and rejected as unknown), not swallowed by the setter.
  const params: Record<string, string> = Object.create(null);
  const add = (k: string, v: string) => (params[k] = v);
  const q = url.indexOf('?');
  if (q >= 0) parseForm(url.slice(q + 1), add);
  if (body.length > 0) parseForm(body, add);
  return params;
}

function send(res: ServerResponse, status: number, requestId: string, body: string): void {
  res.writeHead(status, {
    'content-type': XML_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}

/** Reads the body up to `limit` bytes; undefined when it is larger (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type Decoder = (b: Buffer, options: { maxOutputLength: number }) => Buffer;
const DECODERS: Record<string, Decoder> = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync };

/**
 * The body as sent (Content-Encoding undone), or an error AWS would also answer with a 400. The limit applies to
 * the inflated bytes while they are produced: an 842-byte brotli body stops at the limit instead of becoming 2 GB.
 */
function decodeBody(body: Buffer, encoding: string | undefined, limit: number): Buffer | Ec2Error {
  const enc = (encoding ?? 'identity').trim().toLowerCase();
  if (enc === 'identity' || enc === '') return body;
  const decode = DECODERS[enc];
  if (!decode) return RequestErrors.invalidValue(`unsupported content encoding "${enc}"`);
  try {
    return decode(body, { maxOutputLength: limit });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return RequestErrors.bodyTooLarge(limit);
    return RequestErrors.invalidValue(`The request body is not valid ${enc} data.`);
  }
}

function validPath(url: string): boolean {
  const q = url.indexOf('?');
  try {
    decodeURIComponent(q >= 0 ? url.slice(0, q) : url);
    return true;
  } catch {
    return false;
  }
}

/** One EC2 API request as read off the connection, whichever HTTP layer read it. */
export interface ApiRequest {
  method: string;
  /** The request target: path and query string. */
  url: string;
  /** The body as received (before Content-Encoding is undone); undefined when it was over --max-body-bytes. */
  body: Buffer | undefined;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  authorization: string | undefined;
  /** process.hrtime.bigint() when the request arrived, for the log's `ms`. */
  started: bigint;
}

/** What to write back: always an EC2 XML answer (a result or an error envelope). */
export interface ApiAnswer {
  status: number;
  requestId: string;
  body: string;
}

/**
 * The EC2 Query API, independent of the HTTP layer: the checks on the request as a whole, then STS or the
 * gateway; one log line per request. Used by node:http (below) and by the connection fast path
 * (src/server/apiConnection.ts), so both answer byte for byte alike.
 */
export function apiAnswerer(runtime: Runtime): (request: ApiRequest) => ApiAnswer {
  const { log, ids } = runtime.services;
  const fail = (error: Ec2Error): ApiAnswer => {
    const requestId = ids.requestId();
    log.warn('request rejected', { code: error.code, status: error.status });
    return { status: error.status, requestId, body: serializeError(error, requestId) };
  };
  const sts = (params: Record<string, string>, authorization: string | undefined): ApiResponse => {
    const scope = resolveScope(authorization, params, runtime.config);
    const requestId = ids.requestId();
    return { ...handleSts(params, scope, requestId, runtime.config.account), requestId, scope, action: params.Action };
  };
  return ({ method, url, body: raw, contentType, contentEncoding, authorization, started }) => {
    const { maxBodyBytes } = runtime.config;
    if (raw === undefined) return fail(RequestErrors.bodyTooLarge(maxBodyBytes));
    const body = decodeBody(raw, contentEncoding, maxBodyBytes);
    if (body instanceof Ec2Error) return fail(body);
    if (!validPath(url)) return fail(RequestErrors.invalidValue('The request path is not valid percent-encoded text.'));
    if (method !== 'GET' && method !== 'POST') {
      return fail(RequestErrors.invalidValue(`The HTTP method ${method} is not supported; use POST or GET.`));
    }
    if (body.length > 0 && !isFormContentType(contentType)) return fail(RequestErrors.unsupportedContentType(String(contentType)));
    if (parameterCount(url, body) > MAX_PARAMETERS) return fail(RequestErrors.tooManyParameters(MAX_PARAMETERS));
    let out;
    try {
      const params = collectParams(url, body);
      out = isStsRequest(params, authorization) ? sts(params, authorization) : runtime.gateway.handle({ params, authorization });
    } catch (e) {
      log.error('internal error', { error: (e as Error).stack });
      return fail(RequestErrors.internal());
    }
    if (logs(log, 'info')) {
      log.info('request', {
        action: out.action,
        account: out.scope.account,
        region: out.scope.region,
        status: out.status,
        ...(out.code ? { code: out.code } : {}),
        ...(out.fault ? { fault: out.fault } : {}),
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        requestId: out.requestId,
      });
    }
    return { status: out.status, requestId: out.requestId, body: out.body };
  };
}

/** The API on node:http's request and response objects (requests the fast path hands over, e.g. chunked bodies). */
export function apiHandler(runtime: Runtime): (req: IncomingMessage, res: ServerResponse) => void {
  const answer = apiAnswerer(runtime);
  const { log } = runtime.services;
  return (req, res) => {
    const started = process.hrtime.bigint();
    readBody(req, runtime.config.maxBodyBytes).then(
      (body) => {
        // Cut by a shutdown while its body arrived: nobody to answer, and the database may already be closed.
        if (req.socket.destroyed) return;
        const out = answer({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          body,
          contentType: req.headers['content-type'],
          contentEncoding: req.headers['content-encoding'],
          authorization: req.headers.authorization,
          started,
        });
        send(res, out.status, out.requestId, out.body);
      },
      (e: Error) => {
        // A broken connection: nothing to answer, but say so.
        log.warn('request body could not be read', { error: e.message });
        res.destroy();
      },
    );
  };
}
