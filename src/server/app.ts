/**
 * The HTTP surface: the EC2 Query API on any path (POST form body and/or GET query string), the admin API under
 * /_ec2lite/, moto's reset endpoint, and instance metadata. One structured log line per API request.
 */
import express, { NextFunction, Request, Response } from 'express';
import { RequestErrors, Ec2Error } from '../errors';
import { serializeError } from '../protocol/xmlSerializer';
import type { Runtime } from '../runtime';
import { imdsRootTokenRouter } from '../imds/router';
import { adminRouter } from './admin';
import { resolveScope } from './scope';

const XML = 'text/xml;charset=UTF-8';

function isFormContentType(type: string | undefined): boolean {
  return !type || /^application\/x-www-form-urlencoded\b/i.test(type) || /^text\/plain\b/i.test(type);
}

/** Query string and form body merged; the body wins on a conflict. Values are strings (the last one wins). */
function collectParams(req: Request): Record<string, string> {
  // No prototype: a parameter named `__proto__` must be kept (and rejected as unknown), not swallowed by the setter.
  const params: Record<string, string> = Object.create(null);
  const q = req.originalUrl.indexOf('?');
  if (q >= 0) for (const [k, v] of new URLSearchParams(req.originalUrl.slice(q + 1))) params[k] = v;
  const body = req.body;
  if (Buffer.isBuffer(body) && body.length > 0) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  }
  return params;
}

export function createApp(runtime: Runtime): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const { log } = runtime.services;

  app.use('/_ec2lite', express.json({ limit: '1mb' }), adminRouter(runtime));
  app.use(imdsRootTokenRouter(runtime));
  app.post('/moto-api/reset', (_req, res) => {
    runtime.reset();
    res.json({ status: 'ok' });
  });

  const sendError = (res: Response, error: Ec2Error, requestId: string) => {
    res.status(error.status).type(XML).set('x-amzn-RequestId', requestId).send(serializeError(error, requestId));
  };

  app.use(express.raw({ type: () => true, limit: runtime.config.maxBodyBytes }));

  app.all('/{*path}', (req: Request, res: Response) => {
    const started = process.hrtime.bigint();
    if (req.method !== 'GET' && req.method !== 'POST') {
      const requestId = runtime.services.ids.requestId();
      sendError(res, RequestErrors.invalidValue(`The HTTP method ${req.method} is not supported; use POST or GET.`), requestId);
      return;
    }
    const contentType = req.headers['content-type'];
    if (Buffer.isBuffer(req.body) && req.body.length > 0 && !isFormContentType(contentType)) {
      const requestId = runtime.services.ids.requestId();
      sendError(res, RequestErrors.unsupportedContentType(String(contentType)), requestId);
      return;
    }
    const out = runtime.gateway.handle({ params: collectParams(req), authorization: req.headers.authorization });
    res.status(out.status).type(XML).set('x-amzn-RequestId', out.requestId).send(out.body);
    log.info('request', {
      action: out.action,
      account: out.scope.account,
      region: out.scope.region,
      status: out.status,
      ...(out.code ? { code: out.code } : {}),
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      requestId: out.requestId,
    });
  });

  // Body too large, malformed JSON on the admin API, …: a clear error, never a crash or a 500.
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const requestId = runtime.services.ids.requestId();
    if (err.type === 'entity.too.large') {
      const error = RequestErrors.bodyTooLarge(runtime.config.maxBodyBytes);
      log.warn('request rejected', { code: error.code, status: error.status, path: req.path });
      sendError(res, error, requestId);
      return;
    }
    if (err.status && err.status < 500) {
      if (req.path.startsWith('/_ec2lite')) res.status(err.status).json({ error: err.message });
      else sendError(res, RequestErrors.invalidValue(err.message), requestId);
      return;
    }
    const scope = resolveScope(req.headers.authorization, {}, runtime.config);
    log.error('internal error', { path: req.path, scope, error: err.stack });
    sendError(res, RequestErrors.internal(), requestId);
  });
  return app;
}
