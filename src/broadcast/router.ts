/**
 * Admin endpoints for the broadcast document (mounted under /_ec2lite/broadcast):
 *
 *   GET  /_ec2lite/broadcast[?region=R][&account=A[,B]][&fresh=true]
 *        the latest document (application/xml). ETag "<version>"; If-None-Match with it -> 304. Headers
 *        X-Ec2lite-Broadcast-Version and X-Ec2lite-Broadcast-Stale (true while committed changes wait for the
 *        next coalesced rebuild). fresh=true rebuilds now whatever the interval (on demand).
 *   GET  /_ec2lite/broadcast/version[?region=R][&account=…]   {region, accounts, version, builtAt, stale}
 *   POST /_ec2lite/broadcast/rebuild[?region=R][&account=…]   rebuild now; {…, changed}
 */
import { Request, Response, Router } from 'express';
import { isRegionName } from '../domain/regions';
import type { Runtime } from '../core/runtime';
import type { BroadcastDocument } from './service';

interface Selection {
  region: string;
  accounts?: string[];
}

function selection(runtime: Runtime, req: Request, res: Response): Selection | undefined {
  const region = typeof req.query.region === 'string' && req.query.region !== '' ? req.query.region : runtime.config.region;
  if (!isRegionName(region)) {
    res.status(400).json({ error: `region must be a region name such as us-east-1, got '${region}'` });
    return undefined;
  }
  const raw = req.query.account;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  const bad = list.find((a) => !/^\d{12}$/.test(a));
  if (bad !== undefined) {
    res.status(400).json({ error: `account must be a 12-digit account id, got '${bad}'` });
    return undefined;
  }
  return { region, accounts: list.length > 0 ? list : undefined };
}

const isTrue = (v: unknown) => v === 'true' || v === '1' || v === '';

function summary(doc: BroadcastDocument) {
  return {
    region: doc.region,
    accounts: doc.accounts ?? 'all',
    version: doc.version,
    builtAt: new Date(doc.builtAt).toISOString(),
    stale: doc.stale,
  };
}

export function broadcastRouter(runtime: Runtime): Router {
  const r = Router();
  const service = runtime.broadcast;

  r.get('/', (req, res) => {
    const sel = selection(runtime, req, res);
    if (!sel) return;
    const doc = service.get(sel.region, sel.accounts, { force: isTrue(req.query.fresh) });
    const etag = `"${doc.version}"`;
    res.set({
      ETag: etag,
      'Cache-Control': 'no-cache',
      'X-Ec2lite-Broadcast-Version': doc.version,
      'X-Ec2lite-Broadcast-Stale': String(doc.stale),
    });
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/xml; charset=UTF-8').send(doc.xml);
  });

  r.get('/version', (req, res) => {
    const sel = selection(runtime, req, res);
    if (!sel) return;
    const doc = service.get(sel.region, sel.accounts);
    res.set('ETag', `"${doc.version}"`).json(summary(doc));
  });

  r.post('/rebuild', (req, res) => {
    const sel = selection(runtime, req, res);
    if (!sel) return;
    const before = service.cachedVersion(sel.region, sel.accounts);
    const doc = service.get(sel.region, sel.accounts, { force: true });
    res.json({ ...summary(doc), changed: doc.version !== before });
  });

  return r;
}
