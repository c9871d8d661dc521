/**
 * The fault plan on the admin API (JSON):
 *   POST   /_ec2lite/faults             a plan (src/faults/plan.ts); replaces that account's plan ("*" = every account)
 *   GET    /_ec2lite/faults[?account=A] the plans and, per account, counters, rules, buckets
 *   DELETE /_ec2lite/faults[?account=A] removes one account's plan, or all of them
 */
import { Router } from 'express';
import type { Runtime } from '../core/runtime';
import { parsePlan, PlanError } from './plan';

export function faultsRouter(runtime: Runtime): Router {
  const r = Router();
  const { faults } = runtime.services;
  const account = (raw: unknown) => (typeof raw === 'string' && raw !== '' ? raw : undefined);

  r.post('/faults', (req, res) => {
    try {
      const plan = faults.set(parsePlan(req.body ?? {}));
      res.json({ plan, ...faults.view(plan.account === '*' ? undefined : plan.account) });
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      res.status(400).json({ error: e.message });
    }
  });

  r.get('/faults', (req, res) => {
    res.json(faults.view(account(req.query.account)));
  });

  r.delete('/faults', (req, res) => {
    res.json({ cleared: faults.clear(account(req.query.account)) });
  });
  return r;
}
