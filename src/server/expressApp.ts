/**
 * Express and what it hosts (src/server/app.ts sends it every request that is not an EC2 API call): the admin API
 * under /_ec2lite/, moto's reset endpoint, and the IMDSv2 token endpoint at the root (PUT /latest/api/token).
 */
import express, { NextFunction, Request, Response } from 'express';
import type { Runtime } from '../core/runtime';
import { imdsRootTokenRouter } from '../imds/router';
import { adminRouter } from './admin';

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
