/**
 * `ec2lite` command line: with no subcommand it runs the server; subcommands talk to a running server's admin API
 * (`--endpoint URL`, default http://127.0.0.1:9750).
 */
import { ConfigError, helpText, parseConfig } from './config';
import type { Runtime } from './core/runtime';
import { SUBCOMMANDS, runSubcommand } from './cliCommands';

const USAGE = `Usage:
  ec2lite [options]                 run the EC2 emulator (what \`npm start\` runs)
  ec2lite <command> [args] [--endpoint URL]
                                    talk to a running server (default endpoint http://127.0.0.1:9750)

Commands:
${SUBCOMMANDS.map((c) => `  ${c.usage.padEnd(34)}${c.help}`).join('\n')}

Server options (flag, then EC2LITE_* environment variable, then default):
${helpText()}

  --help                            this text
  --version                         print the version

Point a client at it:
  aws ec2 describe-vpcs --endpoint-url http://127.0.0.1:9750 --region us-east-1
`;

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../package.json') as { version: string }).version;
}

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  // A subcommand comes first (`ec2lite backend advance --ms 5`); otherwise everything is a server flag.
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-') && first !== 'serve') {
    process.exitCode = await runSubcommand(argv);
    return;
  }
  // The server's modules load only to serve: a subcommand is one HTTP call to a running server, and loading them
  // was most of its ~0.6 s.
  const [{ Runtime: RuntimeClass }, { listen }, { warmUp }] = await Promise.all([
    import('./core/runtime'),
    import('./server/server'),
    import('./core/warmUp'),
  ]);
  let config;
  let runtime: Runtime;
  try {
    config = parseConfig(first === 'serve' ? argv.slice(1) : argv).config;
    runtime = new RuntimeClass(config);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`ec2lite: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
  const warm = await warmUp(config.warmUpMs, { seed: config.seed });
  try {
    runtime.db.prepareAhead(warm.statements);
  } catch (e) {
    warm.error ??= `preparing its statements on the served database: ${(e as Error).message}`;
  }
  if (warm.error) runtime.services.log.warn('warm-up stopped early', { rounds: warm.rounds, calls: warm.calls, error: warm.error });
  else runtime.services.log.info('warmed up', { rounds: warm.rounds, calls: warm.calls, atMs: Math.round(performance.now()) });
  let running;
  try {
    running = await listen(runtime, config.port, config.host);
  } catch (e) {
    runtime.close();
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`ec2lite: cannot listen on ${config.host}:${config.port}: ${err.code ?? err.message}\n`);
    process.exitCode = 1;
    return;
  }
  const extra = await import('./server/extraListeners').then((m) => m.startExtraListeners(running, config));
  process.stdout.write(`ec2lite ${version()} listening on ${running.url} (region ${config.region}, db ${config.db})\n`);
  runtime.services.log.info('listening', { url: running.url, db: config.db, region: config.region, account: config.account });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.services.log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    Promise.all([extra.close(), running.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
