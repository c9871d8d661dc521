/**
 * Subcommands that drive a running server through its admin API. Each prints JSON (or the document asked for)
 * and returns the process exit code.
 */
import { networkCommand } from './networkManagers/cli';
import { faultsCommand } from './faults/cli';
import { writeFileAtomic } from './broadcast/atomicWrite';

export interface Subcommand {
  name: string;
  usage: string;
  help: string;
  run(args: ParsedArgs): Promise<number>;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
  endpoint: string;
}

const DEFAULT_ENDPOINT = process.env.EC2LITE_ENDPOINT ?? 'http://127.0.0.1:9750';

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.set(a.slice(2), argv[++i]);
    else flags.set(a.slice(2), 'true');
  }
  return { positional, flags, endpoint: (flags.get('endpoint') ?? DEFAULT_ENDPOINT).replace(/\/+$/, '') };
}

export class CliError extends Error {}

/** Calls the admin API; throws CliError with the server's message on a non-2xx answer. */
export async function admin(args: ParsedArgs, method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${args.endpoint}/_ec2lite/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new CliError(`cannot reach ${args.endpoint}: ${(e as Error).message} (is the server running? see --endpoint)`);
  }
  if (!res.ok) {
    const text = await res.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      /* not JSON */
    }
    throw new CliError(`${method} ${path}: HTTP ${res.status}: ${message}`);
  }
  return res;
}

const printJson = async (res: Response) => {
  process.stdout.write(JSON.stringify(await res.json(), null, 2) + '\n');
  return 0;
};

export const SUBCOMMANDS: Subcommand[] = [
  {
    name: 'backend',
    usage: 'backend [list|advance|pause|resume]',
    help: 'show or drive the simulated back end (advance [--ms N])',
    async run(args) {
      const verb = args.positional[1] ?? 'list';
      switch (verb) {
        case 'list':
          return printJson(await admin(args, 'GET', 'backend'));
        case 'advance': {
          const ms = args.flags.get('ms');
          if (ms !== undefined && !/^\d+$/.test(ms)) throw new CliError('--ms must be a non-negative integer');
          return printJson(await admin(args, 'POST', `backend/advance${ms ? `?ms=${ms}` : ''}`));
        }
        case 'pause':
        case 'resume':
          return printJson(await admin(args, 'POST', `backend/${verb}`));
        default:
          throw new CliError(`unknown backend command '${verb}' (list, advance, pause, resume)`);
      }
    },
  },
  {
    name: 'instance-type',
    usage: 'instance-type show|set-limit|reset NAME [N]',
    help: "show or change a type's ENI limit (1..64), or reset it",
    async run(args) {
      const [, verb, name, value] = args.positional;
      if (!name) throw new CliError('usage: ec2lite instance-type show|set-limit|reset NAME [N]');
      const path = `instance-types/${encodeURIComponent(name)}`;
      switch (verb) {
        case 'show':
          return printJson(await admin(args, 'GET', path));
        case 'set-limit':
          if (!value || !/^\d+$/.test(value)) throw new CliError('set-limit needs a whole number of network interfaces');
          return printJson(await admin(args, 'POST', path, { networkInterfaces: Number(value) }));
        case 'reset':
          return printJson(await admin(args, 'POST', `${path}/reset`));
        default:
          throw new CliError(`unknown instance-type command '${verb}' (show, set-limit, reset)`);
      }
    },
  },
  {
    name: 'broadcast',
    usage: 'broadcast [--region R] [--out FILE]',
    help: 'the network broadcast document (--account A,B, --fresh); --out writes it atomically',
    async run(args) {
      const query = new URLSearchParams();
      for (const flag of ['region', 'account']) {
        const v = args.flags.get(flag);
        if (v === 'true') throw new CliError(`--${flag} needs a value`);
        if (v !== undefined) query.set(flag, v);
      }
      if (args.flags.has('fresh')) query.set('fresh', 'true');
      const res = await admin(args, 'GET', `broadcast${query.size > 0 ? `?${query}` : ''}`);
      const xml = await res.text();
      const out = args.flags.get('out');
      if (out === undefined) {
        process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
        return 0;
      }
      if (out === 'true') throw new CliError('--out needs a file name');
      try {
        writeFileAtomic(out, xml);
      } catch (e) {
        throw new CliError(`cannot write ${out}: ${(e as Error).message}`);
      }
      const version = res.headers.get('x-ec2lite-broadcast-version');
      process.stdout.write(JSON.stringify({ file: out, version, bytes: Buffer.byteLength(xml) }, null, 2) + '\n');
      return 0;
    },
  },
  networkCommand(admin, CliError),
  faultsCommand(admin, CliError),
  {
    name: 'reset',
    usage: 'reset',
    help: 'wipe every account and region',
    async run(args) {
      return printJson(await admin(args, 'POST', 'reset'));
    },
  },
];

export async function runSubcommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const cmd = SUBCOMMANDS.find((c) => c.name === args.positional[0]);
  if (!cmd) {
    process.stderr.write(`ec2lite: unknown command '${args.positional[0]}' (see --help)\n`);
    return 2;
  }
  try {
    return await cmd.run(args);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`ec2lite ${cmd.name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
