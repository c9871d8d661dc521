/**
 * nova-network administration on the admin API (docs/behavior.md "nova network managers"), JSON:
 *   POST /_ec2lite/networks                       create networks as `nova-manage network create` does:
 *        {"label", "cidr", "numNetworks"?, "networkSize"?, "vlanStart"?, "vpnStart"?, "bridge"?, "bridgeInterface"?,
 *         "multiHost"?, "dns1"?, "dns2"?, "cidrV6"?, "gatewayV6"?, "cntVpnClients"?, "account"?, "region"?}
 *        (snake_case names are accepted too); nova's errors answer 400 {"error": "<nova's message>"}
 *   GET  /_ec2lite/networks[?account=&region=]    the networks (nova-manage network list), each with its subnet
 *   GET  /_ec2lite/networks/<id>
 *   POST /_ec2lite/networks/<id>/claim {"host"}   a network host's set_network_host (compare-and-set; one winner)
 *   GET  /_ec2lite/network-hosts                  which host serves which network
 *   GET  /_ec2lite/network-hosts/<host>/render[?singleDefaultGateway=true&dnsServer=IP]
 *                                                 the host plumbing that host would apply: {"host", "files": [...]}
 */
import { Request, Response, Router } from 'express';
import { RequestContext, transact } from '../core/context';
import { isRegionName } from '../domain/regions';
import { ensureScope } from '../domain/vpc';
import { Ec2Error } from '../errors';
import { createNetworks, CreateNetworksRequest, NovaNetworkError, renderHost } from '../networkManagers';
import { renderInput, networksView, networkView, hostsView } from '../networkManagers/view';
import type { Runtime } from '../core/runtime';
import type { Scope } from '../store/query';

const FIELDS: ReadonlyArray<keyof CreateNetworksRequest | 'account' | 'region'> = [
  'label', 'cidr', 'numNetworks', 'networkSize', 'vlanStart', 'vpnStart', 'bridge', 'bridgeInterface', 'multiHost',
  'dns1', 'dns2', 'cidrV6', 'gatewayV6', 'cntVpnClients', 'account', 'region',
];
/** nova-manage's names for the same fields. */
const ALIASES: Record<string, string> = { fixedRangeV4: 'cidr', fixedRangeV6: 'cidrV6' };

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function fail(res: Response, e: unknown): void {
  if (e instanceof NovaNetworkError) res.status(e.status).json({ error: e.message });
  else if (e instanceof Ec2Error) res.status(e.status).json({ error: e.message, code: e.code });
  else throw e;
}

export function networkAdminRouter(runtime: Runtime): Router {
  const r = Router();
  const services = runtime.services;
  const nova = runtime.nova;

  const scopeOf = (account: unknown, region: unknown): Scope => {
    const scope = { account: account === undefined ? services.config.account : account, region: region === undefined ? services.config.region : region };
    if (typeof scope.account !== 'string' || !/^\d{12}$/.test(scope.account)) throw new NovaNetworkError(`account must be 12 digits, got ${String(scope.account)}`);
    if (typeof scope.region !== 'string' || !isRegionName(scope.region)) throw new NovaNetworkError(`region is not a region name: ${String(scope.region)}`);
    return scope as Scope;
  };

  /** Runs `fn` in one transaction with a context of `scope` (bootstrapped as the EC2 API would). */
  const write = <T>(scope: Scope, action: string, fn: (ctx: RequestContext) => T): T => {
    runtime.backend.applyDue();
    const out = transact(services, scope, action, (ctx) => {
      ensureScope(ctx);
      return fn(ctx);
    });
    services.events.markChanged();
    return out;
  };

  r.post('/networks', (req: Request, res: Response) => {
    try {
      const raw = (req.body ?? {}) as Record<string, unknown>;
      if (typeof raw !== 'object' || Array.isArray(raw)) throw new NovaNetworkError('expected a JSON object');
      const body: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) {
        const key = ALIASES[camel(k)] ?? camel(k);
        if (!(FIELDS as readonly string[]).includes(key)) throw new NovaNetworkError(`unknown field '${k}' (${FIELDS.join(', ')})`);
        body[key] = v;
      }
      const scope = scopeOf(body.account, body.region);
      const manager = services.networkManagers.nameFor(scope.region);
      if (manager === 'vpc') {
        throw new NovaNetworkError(
          `region ${scope.region} uses the vpc network manager: nova networks need flat, flatdhcp or vlan (--network-manager ${scope.region}=flatdhcp)`,
        );
      }
      const created = write(scope, 'CreateNetworks', (ctx) => createNetworks(ctx, manager, body as CreateNetworksRequest));
      const setups = services.store.nova.setups();
      res.json({ networks: created.map((n) => networkView(n, setups, services.store.nova.scopeVpc(scope))) });
    } catch (e) {
      fail(res, e);
    }
  });

  r.get('/networks', (req: Request, res: Response) => {
    const filter = { account: req.query.account as string | undefined, region: req.query.region as string | undefined };
    res.json({ networks: networksView(services.store, filter) });
  });

  const networkOr404 = (id: string, res: Response) => {
    const n = /^\d+$/.test(id) ? services.store.nova.get(Number(id)) : undefined;
    if (!n) res.status(404).json({ error: `Network ${id} could not be found.` });
    return n;
  };

  r.get('/networks/:id', (req: Request, res: Response) => {
    const n = networkOr404(String(req.params.id), res);
    if (n) res.json(networkView(n, services.store.nova.setups(), services.store.nova.scopeVpc(n)));
  });

  r.post('/networks/:id/claim', (req: Request, res: Response) => {
    try {
      const n = networkOr404(String(req.params.id), res);
      if (!n) return;
      const host = (req.body as { host?: unknown } | undefined)?.host;
      if (typeof host !== 'string' || host === '') throw new NovaNetworkError('host is required: the network host that claims the network');
      const result = write({ account: n.account, region: n.region }, 'SetNetworkHost', (ctx) => nova.claim(ctx, services.store.nova.get(n.id)!, host));
      res.json({ network: n.id, host: result.host, claimed: result.won });
    } catch (e) {
      fail(res, e);
    }
  });

  r.get('/network-hosts', (_req: Request, res: Response) => {
    res.json(hostsView(services.store, nova));
  });

  r.get('/network-hosts/:host/render', (req: Request, res: Response) => {
    runtime.backend.applyDue();
    const flag = (v: unknown) => v === 'true' || v === '1' || v === '';
    const dnsServer = req.query.dnsServer === undefined ? undefined : String(req.query.dnsServer);
    const input = renderInput(services.store, nova, String(req.params.host), {
      singleDefaultGateway: flag(req.query.singleDefaultGateway),
      dnsServer,
    });
    if (!input) {
      res.status(404).json({ error: `unknown network host '${req.params.host}' (${nova.hosts.map((h) => h.name).join(', ')})` });
      return;
    }
    res.json({ host: input.host.name, address: input.host.address, role: input.host.role, files: renderHost(input) });
  });

  return r;
}
