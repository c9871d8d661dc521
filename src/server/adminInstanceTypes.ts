/**
 * Operator control of instance types (Eucalyptus VmTypesManager), on the admin API:
 *   GET  /_ec2lite/instance-types/<name>          the type's current limits
 *   POST /_ec2lite/instance-types/<name>          {"networkInterfaces": N, "cpu"?, "disk"?, "memory"?}
 *   POST /_ec2lite/instance-types/<name>/reset    back to the public defaults
 * The same rules as the ModifyInstanceTypeAttribute action (bound 1..64); changes apply to the next launch or attach.
 */
import { Router } from 'express';
import { MAX_ENI_LIMIT, MIN_ENI_LIMIT } from '../domain/instanceTypes';
import type { Runtime } from '../core/runtime';

export function instanceTypesRouter(runtime: Runtime): Router {
  const r = Router();
  const catalog = runtime.services.instanceTypes;
  const view = (name: string) => {
    const t = catalog.get(name)!;
    const defaults = catalog.defaults(name)!;
    return {
      name,
      networkInterfaces: t.NetworkInfo?.MaximumNetworkInterfaces,
      ipv4AddressesPerInterface: t.NetworkInfo?.Ipv4AddressesPerInterface,
      cpu: t.VCpuInfo?.DefaultVCpus,
      memory: t.MemoryInfo?.SizeInMiB,
      defaultNetworkInterfaces: defaults.NetworkInfo?.MaximumNetworkInterfaces,
      overridden: catalog.override(name) !== undefined,
    };
  };
  const known = (name: string, res: import('express').Response) => {
    if (catalog.exists(name)) return true;
    res.status(404).json({ error: `Failed to lookup the requested instance type: ${name}` });
    return false;
  };

  r.get('/instance-types/:name', (req, res) => {
    if (known(req.params.name, res)) res.json(view(req.params.name));
  });

  r.post('/instance-types/:name', (req, res) => {
    const name = req.params.name;
    if (!known(name, res)) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const change: { maxNetworkInterfaces?: number; cpu?: number; disk?: number; memory?: number } = {};
    const fields: Array<[string, keyof typeof change, number, number]> = [
      ['networkInterfaces', 'maxNetworkInterfaces', MIN_ENI_LIMIT, MAX_ENI_LIMIT],
      ['cpu', 'cpu', 1, Number.MAX_SAFE_INTEGER],
      ['disk', 'disk', 1, Number.MAX_SAFE_INTEGER],
      ['memory', 'memory', 1, Number.MAX_SAFE_INTEGER],
    ];
    for (const [key, target, min, max] of fields) {
      const v = body[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        res.status(400).json({ error: `${String(v)} for parameter ${key} is invalid (${min}..${max === Number.MAX_SAFE_INTEGER ? 'max' : max})` });
        return;
      }
      change[target] = v;
    }
    if (Object.keys(change).length === 0) {
      res.status(400).json({ error: 'nothing to change: give networkInterfaces, cpu, disk or memory' });
      return;
    }
    runtime.store.tx(() => catalog.setOverride(name, change));
    res.json(view(name));
  });

  r.post('/instance-types/:name/reset', (req, res) => {
    if (!known(req.params.name, res)) return;
    runtime.store.tx(() => catalog.reset(req.params.name));
    res.json(view(req.params.name));
  });
  return r;
}
