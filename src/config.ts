/**
 * Server options. One table drives the CLI flags, their EC2LITE_* environment variables, the defaults and
 * `ec2lite --help`. Precedence: flag, then environment, then default.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  port: number;
  host: string;
  /** SQLite file, or ':memory:'. */
  db: string;
  region: string;
  account: string;
  logLevel: LogLevel;
  /** Back-end transition delays (ms). 0 = due at once, applied before the next request is served. */
  pendingMs: number;
  stoppingMs: number;
  shuttingDownMs: number;
  attachMs: number;
  detachMs: number;
  /** EBS volume creating -> available, and each step of a volume modification. */
  volumeMs: number;
  /** EBS snapshot pending -> completed, and each archive or restore step (src/domain/snapshotTiers.ts). */
  snapshotMs: number;
  /** NAT gateway pending -> available and deleting -> deleted (ms). */
  natGatewayMs: number;
  /** VPN gateway attaching -> attached and detaching -> detached; VPN connection pending -> available, deleting -> deleted (ms). */
  vpnMs: number;
  /** Transit gateways, their route tables and attachments: pending -> available, deleting -> deleted (ms). */
  transitGatewayMs: number;
  terminatedTtlMs: number;
  /** How often the back end looks for due transitions on its own (ms). */
  tickMs: number;
  /** Start-up warm-up budget (src/core/warmUp.ts); 0 = none. */
  warmUpMs: number;
  /** Minimum interval between two broadcast document rebuilds (ms). */
  broadcastIntervalMs: number;
  /** Write the broadcast document of the default region to this file on every change. */
  broadcastFile?: string;
  /** Extra listener serving one instance's metadata at the root, as 169.254.169.254 would. */
  imdsPort?: number;
  imdsInstance?: string;
  /** Deterministic ids and MACs (for golden files). */
  seed?: number;
  /** Network manager per region, e.g. "us-east-1=flat,eu-west-1=vlan"; others use "vpc". */
  networkManager: string;
  /** The nova-style network host name this server plays for multi-host networks. */
  computeHost: string;
  /** Simulated nova network hosts (workers) that claim networks: "network-1,network-2" or "name=ip,…". */
  networkHosts: string;
  maxBodyBytes: number;
  /** A fault plan (JSON, or @file) for every account; src/faults. Off by default. */
  faults?: string;
  /** Seed of the fault plans that give none (default: --seed, else random). */
  faultSeed?: number;
  /** `aws`: throttle every account with AWS's documented token buckets; `off` (default). */
  throttling: string;
  /** Eventual consistency: new resources and tags stay invisible this long (0 = off). */
  consistencyMs: number;
}

interface FlagDef {
  key: keyof Config;
  flag: string;
  type: 'string' | 'int' | 'level';
  help: string;
  default?: string | number;
}

const FLAGS: readonly FlagDef[] = [
  { key: 'port', flag: 'port', type: 'int', default: 9750, help: 'TCP port to listen on (0 = any free port)' },
  { key: 'host', flag: 'host', type: 'string', default: '127.0.0.1', help: 'address to bind' },
  { key: 'db', flag: 'db', type: 'string', default: ':memory:', help: 'SQLite file for state that survives restarts (WAL)' },
  { key: 'region', flag: 'region', type: 'string', default: 'us-east-1', help: 'region for unsigned requests' },
  { key: 'account', flag: 'account', type: 'string', default: '123456789012', help: 'account id unless the access key id is 12 digits' },
  { key: 'logLevel', flag: 'log-level', type: 'level', default: 'info', help: 'debug | info | warn | error | silent' },
  { key: 'pendingMs', flag: 'pending-ms', type: 'int', default: 0, help: 'pending -> running delay' },
  { key: 'stoppingMs', flag: 'stopping-ms', type: 'int', default: 0, help: 'stopping -> stopped delay' },
  { key: 'shuttingDownMs', flag: 'shutting-down-ms', type: 'int', default: 0, help: 'shutting-down -> terminated delay' },
  { key: 'attachMs', flag: 'attach-ms', type: 'int', default: 0, help: 'ENI and EBS volume attaching -> attached delay' },
  { key: 'detachMs', flag: 'detach-ms', type: 'int', default: 0, help: 'ENI and EBS volume detaching -> detached delay' },
  { key: 'volumeMs', flag: 'volume-ms', type: 'int', default: 0, help: 'EBS volume creating -> available delay (and each volume modification step)' },
  { key: 'snapshotMs', flag: 'snapshot-ms', type: 'int', default: 0, help: 'EBS snapshot pending -> completed delay, and each snapshot archive or restore step' },
  { key: 'natGatewayMs', flag: 'nat-gateway-ms', type: 'int', default: 0, help: 'NAT gateway pending -> available and deleting -> deleted delay' },
  { key: 'vpnMs', flag: 'vpn-ms', type: 'int', default: 0, help: 'VPN gateway attach/detach, VPN connection and carrier gateway create/delete delay' },
  { key: 'transitGatewayMs', flag: 'transit-gateway-ms', type: 'int', default: 0, help: 'transit gateway, route table and attachment pending -> available and deleting -> deleted delay' },
  { key: 'terminatedTtlMs', flag: 'terminated-ttl-ms', type: 'int', default: 3_600_000, help: 'how long terminated instances (and deleted NAT gateways, VPN gateways and connections, transit gateways) stay visible' },
  { key: 'tickMs', flag: 'tick-ms', type: 'int', default: 100, help: 'back-end background tick interval' },
  { key: 'warmUpMs', flag: 'warm-up-ms', type: 'int', default: 450, help: 'before listening, run common calls this long (never past 0.7 s after the process started) in a throwaway runtime so the first requests are fast (0 = off)' },
  { key: 'broadcastIntervalMs', flag: 'broadcast-interval-ms', type: 'int', default: 5000, help: 'minimum interval between broadcast rebuilds' },
  { key: 'broadcastFile', flag: 'broadcast-file', type: 'string', help: 'write the default region\'s broadcast document here on change' },
  { key: 'imdsPort', flag: 'imds-port', type: 'int', help: 'extra IMDS listener port (serves one instance at /latest/...)' },
  { key: 'imdsInstance', flag: 'imds-instance', type: 'string', help: 'instance served on --imds-port' },
  { key: 'seed', flag: 'seed', type: 'int', help: 'seed for deterministic ids and MACs' },
  { key: 'networkManager', flag: 'network-manager', type: 'string', default: '', help: 'per-region manager: "us-east-1=flat,eu-west-1=vlan" (default vpc)' },
  { key: 'computeHost', flag: 'compute-host', type: 'string', default: 'compute-1', help: 'compute host name for nova multi-host networks' },
  { key: 'networkHosts', flag: 'network-hosts', type: 'string', default: 'network-1,network-2', help: 'nova network hosts that claim networks: "name[=ip],…"' },
  { key: 'maxBodyBytes', flag: 'max-body-bytes', type: 'int', default: 1_048_576, help: 'largest request body accepted' },
  { key: 'faults', flag: 'faults', type: 'string', help: 'fault plan for every account: JSON or @file (see README "Testing your retries")' },
  { key: 'faultSeed', flag: 'fault-seed', type: 'int', help: 'seed of fault plans that name none (default --seed, else random)' },
  { key: 'throttling', flag: 'throttling', type: 'string', default: 'off', help: 'off | aws: RequestLimitExceeded past AWS\'s token buckets' },
  { key: 'consistencyMs', flag: 'consistency-ms', type: 'int', default: 0, help: 'eventual consistency: new resources and tags invisible this long' },
];

const envName = (flag: string) => `EC2LITE_${flag.toUpperCase().replace(/-/g, '_')}`;

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export class ConfigError extends Error {}

function coerce(def: FlagDef, raw: string, source: string): string | number {
  if (def.type === 'int') {
    if (!/^\d+$/.test(raw)) throw new ConfigError(`${source}: expected a non-negative integer, got '${raw}'`);
    return Number(raw);
  }
  if (def.type === 'level' && !LEVELS.includes(raw as LogLevel)) {
    throw new ConfigError(`${source}: expected one of ${LEVELS.join(', ')}, got '${raw}'`);
  }
  return raw;
}

export function defaultConfig(overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  for (const def of FLAGS) if (def.default !== undefined) out[def.key] = def.default;
  return { ...(out as unknown as Config), ...overrides };
}

/**
 * Reads `--flag value` / `--flag=value` pairs (unknown flags are an error) over EC2LITE_* variables over defaults.
 * Returns the config and the arguments that are not flags (subcommand words).
 */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { config: Config; rest: string[] } {
  const fromFlags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const def = FLAGS.find((f) => f.flag === name);
    if (!def) throw new ConfigError(`unknown option --${name} (see --help)`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new ConfigError(`--${name} needs a value`);
    fromFlags.set(name, value);
  }
  const config = defaultConfig();
  const target = config as unknown as Record<string, unknown>;
  for (const def of FLAGS) {
    const flagValue = fromFlags.get(def.flag);
    const envValue = env[envName(def.flag)];
    if (flagValue !== undefined) target[def.key] = coerce(def, flagValue, `--${def.flag}`);
    else if (envValue !== undefined && envValue !== '') target[def.key] = coerce(def, envValue, envName(def.flag));
  }
  return { config, rest };
}

export function helpText(): string {
  const lines = FLAGS.map((f) => {
    const flag = `--${f.flag}${f.type === 'int' ? ' N' : ' VALUE'}`;
    const def = f.default !== undefined && f.default !== '' ? ` (default ${f.default})` : '';
    return `  ${flag.padEnd(30)} ${f.help}${def}\n  ${''.padEnd(30)} env ${envName(f.flag)}`;
  });
  return lines.join('\n');
}

/** "us-east-1=flat,eu-west-1=vlan" -> Map. */
export function networkManagersByRegion(spec: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [region, manager] = part.split('=');
    if (!region || !manager) throw new ConfigError(`--network-manager: expected region=manager, got '${part}'`);
    map.set(region, manager);
  }
  return map;
}
