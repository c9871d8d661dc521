/**
 * The topology view at /_ec2lite/ui: a static page (src/ui/static/, plain HTML, CSS and JS: nothing to build, no
 * dependency) that polls /_ec2lite/ui/state and redraws when its version changes. Read-only: the only controls it
 * has are the back end's, which call the admin API's existing routes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Router } from 'express';
import type { Runtime } from '../core/runtime';
import { TopologyReader } from './topology';

/** Beside this module: src/ui/static when run from the sources (tests), dist/ui/static (copied by `npm run build`). */
const STATIC_DIR = path.join(__dirname, 'static');
const ASSETS: Record<string, string> = { 'app.js': 'text/javascript', 'style.css': 'text/css' };

function asset(name: string): string {
  return fs.readFileSync(path.join(STATIC_DIR, name), 'utf8');
}

export function uiRouter(runtime: Runtime): Router {
  const r = Router();
  const reader = new TopologyReader(runtime);

  r.get('/', (req, res) => {
    // The page loads its assets relatively: make sure the URL ends with a slash.
    if (!req.originalUrl.split('?')[0].endsWith('/')) {
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    res.type('html').set('cache-control', 'no-store').send(asset('index.html'));
  });

  r.get('/state', (req, res) => {
    const account = typeof req.query.account === 'string' && /^\d{12}$/.test(req.query.account) ? req.query.account : runtime.config.account;
    const region = typeof req.query.region === 'string' && /^[a-z0-9-]{1,32}$/.test(req.query.region) ? req.query.region : runtime.config.region;
    res.set('cache-control', 'no-store').json(reader.read({ account, region }));
  });

  r.get('/:asset', (req, res, next) => {
    const type = ASSETS[req.params.asset];
    if (!type) return next();
    res.type(type).set('cache-control', 'no-store').send(asset(req.params.asset));
  });
  return r;
}
