/**
 * `ec2lite faults …`: the fault plan of a running server, over its admin API.
 *
 *   faults show [--account A]
 *   faults set '{"rules": [...]}' | --file plan.json [--account A]
 *   faults fail ACTION ERROR [--count N] [--rate R] [--account A]    (a plan with that one rule)
 *   faults clear [--account A]
 *
 * Built by a factory so that this module needs nothing at run time from cliCommands.ts (which lists it).
 */
import { readFileSync } from 'node:fs';
import type { CliError as CliErrorClass, ParsedArgs, Subcommand } from '../cliCommands';

type Admin = (args: ParsedArgs, method: string, path: string, body?: unknown) => Promise<Response>;

export function faultsCommand(admin: Admin, CliError: typeof CliErrorClass): Subcommand {
  const flag = (args: ParsedArgs, name: string) => {
    const v = args.flags.get(name);
    if (v === 'true') throw new CliError(`--${name} needs a value`);
    return v;
  };
  const query = (args: ParsedArgs) => {
    const account = flag(args, 'account');
    return account ? `?account=${encodeURIComponent(account)}` : '';
  };
  const print = async (res: Response) => {
    process.stdout.write(JSON.stringify(await res.json(), null, 2) + '\n');
    return 0;
  };
  const withAccount = (args: ParsedArgs, plan: Record<string, unknown>) => {
    const account = flag(args, 'account');
    return account ? { ...plan, account } : plan;
  };

  return {
    name: 'faults',
    usage: 'faults show|set|fail|clear …',
    help: 'the fault plan: set JSON (--file F), fail ACTION ERROR [--count N] [--rate R], clear (--account A)',
    async run(args) {
      const [, verb = 'show', ...rest] = args.positional;
      switch (verb) {
        case 'show':
          return print(await admin(args, 'GET', `faults${query(args)}`));
        case 'clear':
          return print(await admin(args, 'DELETE', `faults${query(args)}`));
        case 'set': {
          const file = flag(args, 'file');
          const text = file ? readText(file) : rest[0];
          if (!text) throw new CliError("usage: ec2lite faults set '{\"rules\": [...]}' | --file plan.json [--account A]");
          let plan: unknown;
          try {
            plan = JSON.parse(text);
          } catch (e) {
            throw new CliError(`the plan is not valid JSON: ${(e as Error).message}`);
          }
          if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) throw new CliError('the plan must be a JSON object');
          return print(await admin(args, 'POST', 'faults', withAccount(args, plan as Record<string, unknown>)));
        }
        case 'fail': {
          const [action, error] = rest;
          if (!action || !error) throw new CliError('usage: ec2lite faults fail ACTION ERROR [--count N] [--rate R] [--account A]');
          const rule: Record<string, unknown> = { action, error };
          const count = flag(args, 'count');
          if (count !== undefined) {
            if (!/^\d+$/.test(count)) throw new CliError('--count must be a whole number');
            rule.count = Number(count);
          }
          const rate = flag(args, 'rate');
          if (rate !== undefined) {
            if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(rate)) throw new CliError('--rate must be between 0 and 1');
            rule.rate = Number(rate);
          }
          return print(await admin(args, 'POST', 'faults', withAccount(args, { rules: [rule] })));
        }
        default:
          throw new CliError(`unknown faults command '${verb}' (show, set, fail, clear)`);
      }

      function readText(file: string): string {
        try {
          return readFileSync(file, 'utf8');
        } catch (e) {
          throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
        }
      }
    },
  };
}
