/**
 * The admin API under /_ec2lite/ (JSON): reset, the back end's schedule and controls. Later modules add the
 * broadcast document, per-instance metadata, instance-type limits and network managers here.
 */
import { Router } from 'express';
import { broadcastRouter } from '../broadcast/router';
import { imdsRouter } from '../imds/router';
import type { Runtime } from '../core/runtime';
import { instanceTypesRouter } from './adminInstanceTypes';
import { networkAdminRouter } from './adminNetwork';
import { uiRouter } from '../ui/router';
import { faultsRouter } from '../faults/router';

export function adminRouter(runtime: Runtime): Router {
  const r = Router();
  const { backend } = runtime;
  const { clock } = runtime.services;
  r.use(instanceTypesRouter(runtime));
  r.use(networkAdminRouter(runtime));
  r.use(faultsRouter(runtime));

  r.post('/reset', (_req, res) => {
    runtime.reset();
    res.json({ status: 'ok' });
  });

  r.get('/backend', (_req, res) => {
    res.json({ paused: backend.isPaused, now: new Date(clock.now()).toISOString(), transitions: backend.list().map(view) });
  });

  r.post('/backend/advance', (req, res) => {
    const raw = req.query.ms;
    if (raw !== undefined && !/^\d+$/.test(String(raw))) {
      res.status(400).json({ error: 'ms must be a non-negative integer' });
      return;
    }
    const applied = backend.advance(raw === undefined ? 0 : Number(raw));
    res.json({ applied, now: new Date(clock.now()).toISOString(), transitions: backend.list().map(view) });
  });

  r.post('/backend/pause', (_req, res) => {
    backend.pause();
    res.json({ paused: true });
  });

  r.post('/backend/resume', (_req, res) => {
    backend.resume();
    res.json({ paused: false });
  });

  r.use('/broadcast', broadcastRouter(runtime));
  r.use('/imds', imdsRouter(runtime));
  r.use('/ui', uiRouter(runtime));

  return r;
}

function view(t: ReturnType<Runtime['backend']['list']>[number]) {
  return {
    account: t.account,
    region: t.region,
    kind: t.kind,
    resourceId: t.resource_id,
    from: t.from_state,
    to: t.to_state,
    dueAt: new Date(t.due_at).toISOString(),
    due: t.due,
  };
}
