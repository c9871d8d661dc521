/**
 * IMDS over the main port:
 *   /_ec2lite/imds/<instance-id>/latest/…   one instance's metadata (mounted by the admin router); tokens PUT here
 *                                            serve only that instance
 *   PUT /latest/api/token                    at the root: tokens every per-instance path accepts (the JS metadata
 *                                            client sends its token request to the root even when its endpoint
 *                                            has a path; docs/decisions.md "IMDS tokens and instance selection")
 * Point a client at `http://127.0.0.1:9750/_ec2lite/imds/<instance-id>` (AWS_EC2_METADATA_SERVICE_ENDPOINT).
 */
import { Request, Response, Router } from 'express';
import type { Runtime } from '../core/runtime';
import { ImdsResponse } from './handler';

function send(res: Response, out: ImdsResponse): void {
  res.status(out.status).set(out.headers).send(out.body);
}

/** Per-instance metadata: `/<instance-id>/<path below the IMDS root>`. */
export function imdsRouter(runtime: Runtime): Router {
  const r = Router();
  const imds = runtime.imds;
  r.use((req: Request, res: Response) => {
    const rest = req.path.replace(/^\/+/, '');
    const slash = rest.indexOf('/');
    const instanceId = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    const path = slash < 0 ? '/' : rest.slice(slash);
    if (instanceId === '') {
      res.status(404).type('text/plain').send('404 - Not Found');
      return;
    }
    send(res, imds.handle({ method: req.method, path, headers: req.headers }, { instanceId, bindTokens: true }));
  });
  return r;
}

/** `PUT /latest/api/token` at the root of the main port. */
export function imdsRootTokenRouter(runtime: Runtime): Router {
  const r = Router();
  const imds = runtime.imds;
  r.put('/latest/api/token', (req, res) => {
    send(res, imds.handle({ method: 'PUT', path: '/latest/api/token', headers: req.headers }, { bindTokens: false }));
  });
  return r;
}
