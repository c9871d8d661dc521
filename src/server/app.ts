/**
 * The HTTP surface. The EC2 Query API (any other path, POST/GET) is served by src/server/api.ts on bare node:http;
 * Express hosts the rest: the admin API under /_ec2lite/, moto's reset endpoint, and the IMDSv2 token endpoint at
 * the root (PUT /latest/api/token).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { NextFunction, Request, Response } from 'express';
import type { Runtime } from '../core/runtime';
import { imdsRootTokenRouter } from '../imds/router';
import { adminRouter } from './admin';
import { apiHandler } from './api';

/** Requests that are not EC2 API calls. */
function isExpressPath(method: string | undefined, url: string | undefined): boolean {
  const path = url ?? '/';
  return path.startsWith('/_ec2lite') || path.startsWith('/moto-api/') || (method === 'PUT' && path.startsWith('/latest/api/token'));
}

function createApp(runtime: Runtime): express.Express {
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
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'no such admin endpoint' });
  });

  // Malformed JSON or an oversized body on the admin API: a clear error, never a crash.
  app.use((err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (err.status && err.status < 500) {
      res.status(err.status).json({ error: err.message });
      return;
    }
    log.error('internal error', { path: req.path, error: err.stack });
    res.status(500).json({ error: 'internal error' });
  });
  return app;
}

/** The server's request listener: EC2 API calls straight to the API handler, everything else through Express. */
export function requestListener(runtime: Runtime): (req: IncomingMessage, res: ServerResponse) => void {
  const app = createApp(runtime);
  const api = apiHandler(runtime);
  return (req, res) => (isExpressPath(req.method, req.url) ? app(req, res) : api(req, res));
}
