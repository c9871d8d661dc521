/**
 * node:http's request listener, for the requests the fast path (src/server/apiConnection.ts) hands over. The EC2
 * Query API (any other path, POST/GET) is served by src/server/api.ts on bare node:http;
 * Express hosts the rest (src/server/expressApp.ts): the admin API under /_ec2lite/, moto's reset endpoint, and the
 * IMDSv2 token endpoint at the root (PUT /latest/api/token). Express and the admin routers load on the first such
 * request, not at start-up: with their dependencies they are ~140 modules, ~85 ms of a 2 GHz EPYC's start-up, and
 * a test suite that only calls EC2 never needs them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../core/runtime';
import { apiHandler } from './api';

/** Requests that are not EC2 API calls. */
export function isExpressPath(method: string | undefined, url: string | undefined): boolean {
  const path = url ?? '/';
  return path.startsWith('/_ec2lite') || path.startsWith('/moto-api/') || (method === 'PUT' && path.startsWith('/latest/api/token'));
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** The server's request listener: EC2 API calls straight to the API handler, everything else through Express. */
export function requestListener(runtime: Runtime): Listener {
  const api = apiHandler(runtime);
  let app: Promise<Listener> | undefined;
  const express = (req: IncomingMessage, res: ServerResponse) => {
    // The request's body waits in its stream meanwhile; a module that fails to load is an error to see, not a hang.
    app ??= import('./expressApp').then((m) => m.createApp(runtime));
    app.then(
      (handle) => handle(req, res),
      (e: Error) => {
        runtime.services.log.error('internal error', { path: req.url, error: e.stack });
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
      },
    );
  };
  return (req, res) => (isExpressPath(req.method, req.url) ? express(req, res) : api(req, res));
}
