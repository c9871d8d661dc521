/**
 * `ec2lite network …`: nova network administration against a running server's admin API.
 *
 *   network create --label L --cidr CIDR [--num-networks N] [--network-size M] [--vlan-start V] [--vpn-start P]
 *                  [--bridge B] [--bridge-interface I] [--multi-host] [--dns1 IP] [--dns2 IP] [--cidr-v6 CIDR]
 *                  [--gateway-v6 IP] [--cnt-vpn-clients K] [--account A] [--region R]
 *                  (nova-manage's spellings work too: --fixed_range_v4, --num_networks, …)
 *   network list [--account A] [--region R]
 *   network hosts
 *   network claim ID --network-host H
 *   network render --network-host H --out DIR [--single-default-gateway] [--dns-server IP]
 *
 * Built by a factory so that this module needs nothing at run time from cliCommands.ts (which lists it).
 */
import type { CliError as CliErrorClass, ParsedArgs, Subcommand } from '../cliCommands';
import { writeRender } from './writer';
import type { RenderedFile } from './manager';

type Admin = (args: ParsedArgs, method: string, path: string, body?: unknown) => Promise<Response>;

const STRING_FIELDS: Record<string, string> = {
  label: 'label',
  cidr: 'cidr',
  'fixed-range-v4': 'cidr',
  bridge: 'bridge',
  'bridge-interface': 'bridgeInterface',
  dns1: 'dns1',
  dns2: 'dns2',
  'cidr-v6': 'cidrV6',
  'fixed-range-v6': 'cidrV6',
  'gateway-v6': 'gatewayV6',
  account: 'account',
  region: 'region',
};
const INT_FIELDS: Record<string, string> = {
  'num-networks': 'numNetworks',
  'network-size': 'networkSize',
  'vlan-start': 'vlanStart',
  'vpn-start': 'vpnStart',
  'cnt-vpn-clients': 'cntVpnClients',
};
const COMMON = new Set(['endpoint']);

export function networkCommand(admin: Admin, CliError: typeof CliErrorClass): Subcommand {
  const print = async (res: Response) => {
    process.stdout.write(JSON.stringify(await res.json(), null, 2) + '\n');
    return 0;
  };
  /** Flags with '_' spelled '-' (nova-manage uses underscores). */
  const flagsOf = (args: ParsedArgs) => new Map([...args.flags].map(([k, v]) => [k.replace(/_/g, '-'), v]));
  const value = (flags: Map<string, string>, name: string): string | undefined => {
    const v = flags.get(name);
    if (v === 'true') throw new CliError(`--${name} needs a value`);
    return v;
  };
  const onlyKnown = (flags: Map<string, string>, known: readonly string[]) => {
    for (const k of flags.keys()) if (!COMMON.has(k) && !known.includes(k)) throw new CliError(`unknown option --${k}`);
  };

  return {
    name: 'network',
    usage: 'network create|list|hosts|render',
    help: 'nova networks: create (--label --cidr …), list, hosts, claim ID --network-host H, render --network-host H --out DIR',
    async run(args) {
      const verb = args.positional[1] ?? 'list';
      const flags = flagsOf(args);
      switch (verb) {
        case 'create': {
          onlyKnown(flags, [...Object.keys(STRING_FIELDS), ...Object.keys(INT_FIELDS), 'multi-host']);
          const body: Record<string, unknown> = {};
          for (const [flag, field] of Object.entries(STRING_FIELDS)) {
            const v = value(flags, flag);
            if (v !== undefined) body[field] = v;
          }
          for (const [flag, field] of Object.entries(INT_FIELDS)) {
            const v = value(flags, flag);
            if (v === undefined) continue;
            if (!/^\d+$/.test(v)) throw new CliError(`--${flag} must be a whole number`);
            body[field] = Number(v);
          }
          const multi = flags.get('multi-host');
          if (multi !== undefined) {
            if (!/^(true|false|T|F)$/i.test(multi)) throw new CliError('--multi-host takes T or F (or no value)');
            body.multiHost = /^(true|T)$/i.test(multi);
          }
          return print(await admin(args, 'POST', 'networks', body));
        }
        case 'list': {
          onlyKnown(flags, ['account', 'region']);
          const q = new URLSearchParams();
          for (const k of ['account', 'region']) {
            const v = value(flags, k);
            if (v !== undefined) q.set(k, v);
          }
          return print(await admin(args, 'GET', `networks${q.size > 0 ? `?${q}` : ''}`));
        }
        case 'hosts':
          onlyKnown(flags, []);
          return print(await admin(args, 'GET', 'network-hosts'));
        case 'claim': {
          onlyKnown(flags, ['network-host']);
          const id = args.positional[2];
          if (!id || !/^\d+$/.test(id)) throw new CliError('usage: ec2lite network claim ID --network-host H');
          const host = value(flags, 'network-host');
          if (!host) throw new CliError('--network-host is required');
          return print(await admin(args, 'POST', `networks/${id}/claim`, { host }));
        }
        case 'render': {
          if (flags.has('host')) throw new CliError('the network host is --network-host (--host is the server\'s bind address)');
          onlyKnown(flags, ['network-host', 'out', 'single-default-gateway', 'dns-server']);
          const host = value(flags, 'network-host');
          if (!host) throw new CliError('--network-host is required');
          const q = new URLSearchParams();
          const sdg = flags.get('single-default-gateway');
          if (sdg !== undefined) {
            if (!/^(true|false)$/.test(sdg)) throw new CliError('--single-default-gateway takes no value (or true/false)');
            q.set('singleDefaultGateway', sdg);
          }
          const dns = value(flags, 'dns-server');
          if (dns !== undefined) q.set('dnsServer', dns);
          const res = await admin(args, 'GET', `network-hosts/${encodeURIComponent(host)}/render${q.size > 0 ? `?${q}` : ''}`);
          const doc = (await res.json()) as { host: string; files: RenderedFile[] };
          const out = value(flags, 'out');
          if (out === undefined) {
            process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
            return 0;
          }
          let result: { written: string[]; removed: string[] };
          try {
            result = writeRender(out, doc.files);
          } catch (e) {
            throw new CliError(`cannot write ${out}: ${(e as Error).message}`);
          }
          process.stdout.write(JSON.stringify({ host: doc.host, out, ...result }, null, 2) + '\n');
          return 0;
        }
        default:
          throw new CliError(`unknown network command '${verb}' (create, list, hosts, claim, render)`);
      }
    },
  };
}
