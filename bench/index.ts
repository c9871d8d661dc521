/**
 * `npm run bench`: ec2lite's benchmark harness (a script, not a test). See `npm run bench -- --help`.
 *
 * Each workload gets a fresh ec2lite in a child process (or in this process with --server inproc), or runs
 * against an EC2-compatible server already listening on loopback (--endpoint URL, e.g. moto_server), so the same
 * workload gives a side-by-side ratio. Results: a table on stdout and JSON in bench-results/ (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { adversarial, AdversarialResult } from './adversarial';
import { ClientKind, Ec2Api, makeApi } from './api';
import { describeScale, growth, ScalePopulation, ScaleResult } from './describeScale';
import { eniLifecycle, LifecycleResult } from './eniLifecycle';
import type { HttpTarget } from './http';
import { analyzeProfile, formatProfile, ProfileReport } from './profile';
import { loadAverage } from './stats';
import { externalTarget, flagValue, REPO_ROOT, startBaselineServer, startChildEc2lite, startInProcessEc2lite, Target, TargetMode } from './target';
import { startup, StartupResult, throughput, ThroughputResult } from './throughput';

const WORKLOADS = ['eni-lifecycle', 'describe-scale', 'baseline-http', 'startup', 'adversarial'] as const;
type Workload = (typeof WORKLOADS)[number];

const USAGE = `usage: npm run bench -- [workload ...] [options]

workloads (default: all five)
  eni-lifecycle      N instances with 3 NICs: attach/detach extra ENIs, modify DOT, terminate; checks the end state
  describe-scale     DescribeNetworkInterfaces by id / subnet / tag / wildcard, full and by-VPC listings, at M interfaces
  baseline-http      the same client against constant-response servers (node:http, Express) and DescribeRegions
  startup            spawn bin/ec2lite until DescribeRegions answers
  adversarial        worst inputs the limits allow (stall seen by a probe), then describes with random filters (RSS)

options
  --client raw|raw-http|sdk|both
                          raw: pre-built form bodies on keep-alive sockets of its own (default); raw-http: the same
                          through node:http's client (the default before 2026-12-03); sdk: @aws-sdk/client-ec2;
                          both: raw and sdk
  --server child|inproc   ec2lite in a child process (default; server RSS/CPU from /proc) or in this process
  --endpoint URL          run against a server already listening on loopback (ec2lite, moto_server, ...)
  --server-pid PID        with --endpoint: that server's pid, for its RSS and CPU
  --reset                 with --endpoint: POST /moto-api/reset before each workload
  -n, --instances N       eni-lifecycle instances (default 500)
  --runs R                eni-lifecycle runs on the same server, reset between them (default 1): run 1 on a
                          fresh server is the cold figure, run R (R >= 5) the warm one
  --warm-instances N      instances of runs 2..R (default: -n); issue 21: -n 150 --runs 6 --warm-instances 500
  --warm-client N         eni-lifecycle: first run N instances against a throwaway server (not measured), so the
                          bench's own client code is compiled before run 1; the measured server is still fresh
  -c, --concurrency C     concurrent callers (default 8)
  --levels LIST           describe-scale interface counts (default 1000,10000)
  --full                  adds M=100000 to the levels (a few minutes)
  --samples Q             describe-scale samples per query and level (default 200)
  --glob-samples Q        samples of the wildcard tag query (default 20)
  --listing-runs R        full listings per level (default 2; the best is reported)
  --requests R            baseline-http requests per server (default 20000)
  --startup-runs R        start-up measurements (default 5)
  --adv-rounds R          adversarial: times each worst input is sent, per pass (default 10)
  --adv-describes D       adversarial: describes with random filter sets and orders (default 30000)
  --cpu-prof              write a V8 CPU profile of each workload's server (child only) and print its hot spots
  --server-arg ARG        extra ec2lite flag, repeatable (e.g. --server-arg=--log-level=info)
  --out FILE              JSON output (default bench-results/bench-<time>.json; latest.json is also written)
  --seed N                seed of the random choices (default 1)
  -h, --help
`;

interface Options {
  workloads: Workload[];
  clients: ClientKind[];
  mode: TargetMode;
  endpoint?: string;
  serverPid?: number;
  reset: boolean;
  instances: number;
  runs: number;
  warmInstances?: number;
  warmClient: number;
  concurrency: number;
  levels: number[];
  samples: number;
  globSamples: number;
  listingRuns: number;
  requests: number;
  startupRuns: number;
  advRounds: number;
  advDescribes: number;
  cpuProf: boolean;
  serverArgs: string[];
  out?: string;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    workloads: [],
    clients: ['raw'],
    mode: 'child',
    reset: false,
    instances: 500,
    runs: 1,
    warmClient: 0,
    concurrency: 8,
    levels: [1000, 10000],
    samples: 200,
    globSamples: 20,
    listingRuns: 2,
    requests: 20000,
    startupRuns: 5,
    advRounds: 10,
    advDescribes: 30_000,
    cpuProf: false,
    serverArgs: [],
    seed: 1,
  };
  let full = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const int = () => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${arg}: expected a non-negative integer, got '${v}'`);
      return Number(v);
    };
    switch (arg) {
      case '-h':
      case '--help':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      case '--client': {
        const v = value();
        if (v === 'both') o.clients = ['raw', 'sdk'];
        else if (v === 'raw' || v === 'raw-http' || v === 'sdk') o.clients = [v];
        else throw new Error(`--client: raw, raw-http, sdk or both, not '${v}'`);
        break;
      }
      case '--server': {
        const v = value();
        if (v !== 'child' && v !== 'inproc') throw new Error(`--server: child or inproc, not '${v}'`);
        o.mode = v;
        break;
      }
      case '--endpoint':
        o.endpoint = value().replace(/\/+$/, '');
        o.mode = 'endpoint';
        break;
      case '--server-pid':
        o.serverPid = int();
        break;
      case '--reset':
        o.reset = true;
        break;
      case '-n':
      case '--instances':
        o.instances = int();
        break;
      case '--runs':
        o.runs = Math.max(1, int());
        break;
      case '--warm-instances':
        o.warmInstances = Math.max(1, int());
        break;
      case '--warm-client':
        o.warmClient = Math.max(0, int());
        break;
      case '-c':
      case '--concurrency':
        o.concurrency = Math.max(1, int());
        break;
      case '--levels':
        o.levels = value()
          .split(',')
          .map((s) => Number(s.trim().replace(/k$/i, '000')))
          .filter((n) => Number.isFinite(n) && n > 0);
        break;
      case '--full':
        full = true;
        break;
      case '--samples':
        o.samples = Math.max(1, int());
        break;
      case '--glob-samples':
        o.globSamples = int();
        break;
      case '--listing-runs':
        o.listingRuns = Math.max(1, int());
        break;
      case '--requests':
        o.requests = Math.max(1, int());
        break;
      case '--startup-runs':
        o.startupRuns = Math.max(1, int());
        break;
      case '--adv-rounds':
        o.advRounds = Math.max(1, int());
        break;
      case '--adv-describes':
        o.advDescribes = Math.max(1, int());
        break;
      case '--cpu-prof':
        o.cpuProf = true;
        break;
      case '--server-arg': {
        // `--server-arg=--db=/dev/shm/x.db` passes `--db /dev/shm/x.db`; `--server-arg --seed=1` the same way
        const v = value();
        const at = v.indexOf('=');
        o.serverArgs.push(...(v.startsWith('--') && at > 0 ? [v.slice(0, at), v.slice(at + 1)] : [v]));
        break;
      }
      case '--out':
        o.out = value();
        break;
      case '--seed':
        o.seed = int();
        break;
      default:
        if ((WORKLOADS as readonly string[]).includes(arg)) o.workloads.push(arg as Workload);
        else throw new Error(`unknown argument '${argv[i]}' (see --help)`);
    }
  }
  if (full && !o.levels.includes(100_000)) o.levels.push(100_000);
  o.levels = [...new Set(o.levels)].sort((a, b) => a - b);
  if (o.workloads.length === 0) o.workloads = [...WORKLOADS];
  if (o.cpuProf && o.mode !== 'child') throw new Error('--cpu-prof needs the child-process server (the default)');
  if (o.warmClient > 0 && o.mode === 'endpoint') throw new Error('--warm-client needs a server the bench starts (not --endpoint)');
  return o;
}

// ---------------------------------------------------------------------------------------------------------------

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

function machine() {
  const cpus = os.cpus();
  let commit: string | undefined;
  let dirty: boolean | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // local changes to what is measured (the bench's own sources do not count)
    dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'schema'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    // not a git checkout
  }
  let cpuMHz = cpus[0]?.speed || undefined;
  if (!cpuMHz) {
    try {
      cpuMHz = Math.round(Number(/^cpu MHz\s*:\s*([\d.]+)/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1])) || undefined;
    } catch {
      cpuMHz = undefined;
    }
  }
  return {
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuMHz,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    commit,
    dirtySources: dirty,
  };
}

async function withTarget<T>(
  o: Options,
  workload: string,
  f: (t: Target) => Promise<T>,
  child: { loopFile?: string } = {},
): Promise<{ result?: T; profiles: ProfileReport[] }> {
  let target: Target;
  const profDir = o.cpuProf ? path.join(RESULTS_DIR, 'profiles', stamp, workload) : undefined;
  if (o.mode === 'endpoint') target = externalTarget(o.endpoint!, o.serverPid, o.reset);
  else if (o.mode === 'inproc') target = await startInProcessEc2lite(o.serverArgs);
  else target = await startChildEc2lite({ serverArgs: o.serverArgs, cpuProfDir: profDir, ...child });
  log(`${workload}: ${target.name} at ${target.endpoint}${target.pid && !target.sharesProcess ? ` (pid ${target.pid})` : ''}`);
  let result: T | undefined;
  let error: unknown;
  try {
    await target.reset();
    result = await f(target);
  } catch (e) {
    error = e;
  }
  const { profiles } = await target.stop();
  const reports = profiles.map((p) => analyzeProfile(p));
  for (const r of reports) log(`${workload}: server profile\n${formatProfile(r)}`);
  if (error !== undefined) throw error;
  return { result, profiles: reports };
}

/**
 * `--warm-client N`: the same workload against a server of its own, thrown away with its figures, before the
 * measured one starts. Run 1's figures then say what a fresh server costs, not also what this process spends
 * compiling its own HTTP client, signer and parsers (0.50–0.55 ms of CPU per call cold, 0.32–0.36 once warmed,
 * on the cores the server needs). Not for `--endpoint`: there is no second server to throw away.
 */
async function warmClient(o: Options, kind: ClientKind, vpcOctet: number): Promise<void> {
  log(`eni-lifecycle (${kind}): warming the client with ${o.warmClient} instances on a throwaway server (not measured)`);
  await withTarget({ ...o, cpuProf: false }, `eni-lifecycle-${kind}-client-warm-up`, (t) =>
    withLifecycleApi(o, kind, t, (api) => eniLifecycle(api, { instances: o.warmClient, concurrency: o.concurrency, pollLimit: 200, vpcOctet })),
  );
}

/** The eni-lifecycle workload's client (account 111111111111) on `t`, closed once `f` is done. */
async function withLifecycleApi<T>(o: Options, kind: ClientKind, t: Target, f: (api: Ec2Api) => Promise<T>): Promise<T> {
  const api = makeApi(kind, httpTarget(t.endpoint, '111111111111'), o.concurrency);
  try {
    return await f(api);
  } finally {
    api.close();
  }
}

function httpTarget(endpoint: string, accessKeyId: string): HttpTarget {
  return { endpoint, region: 'us-east-1', accessKeyId, secretAccessKey: 'bench' };
}

// ---------------------------------------------------------------------------------------------------------------
// report

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(2));
const f0 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : Math.round(n).toLocaleString('en-US'));

function table(title: string, head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [`\n${title}`, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

interface TargetCheck {
  target: string;
  goal: string;
  measured: string;
  status: 'pass' | 'FAIL' | 'n/a';
}

/**
 * Issue 21: the first run on a fresh server (child mode, N=150) is the cold figure; the last of at least 5 runs on
 * the same server (`--runs`) the warm one. Elsewhere the rows say n/a.
 */
function coldAndWarm(results: Results): TargetCheck[] {
  const runs = (results.eniLifecycle ?? []).filter((r) => r.client === 'raw' && r.concurrency === 8);
  const fresh = results.options.mode !== 'endpoint';
  const cold = runs.find((r) => (r.run ?? 1) === 1);
  const warm = runs.find((r) => r.run !== undefined && r.run === r.runs && r.run >= 5);
  const out: TargetCheck[] = [];
  // With --warm-client only the server is cold: a figure to compare, not the issue's measure (a cold client too).
  const clientWarmed = results.options.warmClient > 0;
  const coldOk = fresh && cold?.instances === 150 && !clientWarmed;
  const coldNote = clientWarmed ? ' [client warmed first: not the measure]' : '';
  out.push({ target: `eni-lifecycle cold: run 1, fresh server, N=150, C=8${coldNote}`, goal: '>= 1,750', measured: f0(cold?.opsPerSec), status: !coldOk ? 'n/a' : cold!.opsPerSec >= 1750 ? 'pass' : 'FAIL' });
  out.push({ target: 'eni-lifecycle warm: run 5+ on one server, C=8', goal: '>= 3,000', measured: f0(warm?.opsPerSec), status: !warm ? 'n/a' : warm.opsPerSec >= 3000 ? 'pass' : 'FAIL' });
  const p99 = (r?: LifecycleResult) => r?.perAction.RunInstances?.p99Ms;
  const coldP99 = p99(cold);
  const warmP99 = p99(warm);
  out.push({ target: `RunInstances (3 NICs) p99, cold${coldNote}`, goal: '< 30 ms', measured: `${f2(coldP99)} ms`, status: !coldOk || coldP99 === undefined ? 'n/a' : coldP99 < 30 ? 'pass' : 'FAIL' });
  out.push({ target: 'RunInstances (3 NICs) p99, warm', goal: '< 30 ms', measured: `${f2(warmP99)} ms`, status: warmP99 === undefined ? 'n/a' : warmP99 < 30 ? 'pass' : 'FAIL' });
  return out;
}

function evaluate(results: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  const life = results.eniLifecycle?.find((r) => r.client === 'raw') ?? results.eniLifecycle?.[0];
  if (life) {
    out.push({
      target: `eni-lifecycle ops/s at C=${life.concurrency} (${life.client} client)`,
      goal: '>= 2,000',
      measured: f0(life.opsPerSec),
      status: life.concurrency !== 8 ? 'n/a' : life.opsPerSec >= 2000 ? 'pass' : 'FAIL',
    });
    const failed = life.checks.filter((c) => !c.ok).length;
    out.push({ target: 'eni-lifecycle end state correct', goal: 'all checks', measured: failed === 0 ? 'all pass' : `${failed} of ${life.checks.length} checks fail`, status: failed === 0 ? 'pass' : 'FAIL' });
  }
  out.push(...coldAndWarm(results));
  const scale = results.describeScale?.find((r) => r.client === 'raw') ?? results.describeScale?.[0];
  if (scale && scale.levels.length > 0) {
    const top = scale.levels[scale.levels.length - 1];
    const at100k = top.m >= 100_000;
    for (const q of ['by-id', 'by-subnet', 'by-tag']) {
      const p50 = top.queries[q]?.p50Ms;
      out.push({ target: `describe ${q} p50 at M=${f0(top.m)}`, goal: '< 5 ms at 100k', measured: `${f2(p50)} ms`, status: !at100k ? 'n/a' : p50 < 5 ? 'pass' : 'FAIL' });
      const prev = scale.levels[scale.levels.length - 2];
      const fit = scale.growthFit[q];
      const g = scale.growthExponent[q];
      if (fit !== undefined) {
        out.push({ target: `describe ${q}: fitted growth k (M ${f0(scale.levels[0].m)} .. ${f0(top.m)})`, goal: '< 1 (sub-linear)', measured: f2(fit), status: fit < 1 ? 'pass' : 'FAIL' });
      } else if (g !== undefined && prev) {
        out.push({ target: `describe ${q} p50 growth exponent (M ${f0(prev.m)} -> ${f0(top.m)})`, goal: '< 1 (sub-linear)', measured: f2(g), status: g < 1 ? 'pass' : 'FAIL' });
      }
    }
    const glob = top.queries['by-tag-glob']?.p50Ms;
    out.push({ target: `describe by wildcard tag p50 at M=${f0(top.m)}`, goal: '< 20 ms at 100k', measured: `${f2(glob)} ms`, status: !at100k || glob === undefined ? 'n/a' : glob < 20 ? 'pass' : 'FAIL' });
    out.push({ target: `full listing (MaxResults 1000) at M=${f0(top.m)}`, goal: '< 10 s at 100k', measured: `${f2(top.listing.bestMs / 1000)} s`, status: !at100k ? 'n/a' : top.listing.bestMs < 10_000 ? 'pass' : 'FAIL' });
    out.push({ target: `server RSS at M=${f0(top.m)}`, goal: '< 400 MB at 100k', measured: top.rssMB === undefined ? 'unknown' : `${f0(top.rssMB)} MB`, status: !at100k || top.rssMB === undefined ? 'n/a' : top.rssMB < 400 ? 'pass' : 'FAIL' });
    out.push({ target: 'describe-scale answers of the expected size', goal: 'all', measured: scale.ok ? 'all' : `${scale.levels.reduce((n, l) => n + l.mismatches.length, 0)} mismatches`, status: scale.ok ? 'pass' : 'FAIL' });
  }
  const adv = results.adversarial;
  if (adv) {
    out.push({
      target: 'adversarial: worst server CPU of one request (bounds its event-loop stall)',
      goal: '< 50 ms',
      measured: adv.worstServerCpuMs === undefined ? 'unknown' : `${f1(adv.worstServerCpuMs)} ms`,
      status: adv.worstServerCpuMs === undefined ? 'n/a' : adv.worstServerCpuMs < 50 ? 'pass' : 'FAIL',
    });
    out.push({
      target: 'adversarial: worst event-loop delay in the server (perf_hooks, includes CPU starvation)',
      goal: '< 50 ms',
      measured: adv.loopDelay === undefined ? 'unknown' : `${f1(adv.loopDelay.maxMs)} ms (p99 ${f1(adv.loopDelay.p99Ms)} ms)`,
      status: adv.loopDelay === undefined ? 'n/a' : adv.loopDelay.maxMs < 50 ? 'pass' : 'FAIL',
    });
    out.push({ target: 'adversarial: worst wait of a concurrent DescribeRegions (wall clock)', goal: '< 50 ms', measured: `${f1(adv.probe.worstMs)} ms`, status: adv.probe.worstMs < 50 ? 'pass' : 'FAIL' });
    out.push({
      target: `adversarial: RSS growth over ${f0(adv.describes)} random-filter describes (after warm-up)`,
      goal: '< 20 %',
      measured: adv.rssGrowthPct === undefined ? 'unknown' : `${f1(adv.rssGrowthPct)} % (${f0(adv.rssWarmMB)} -> ${f0(adv.rssEndMB)} MB)`,
      status: adv.rssGrowthPct === undefined ? 'n/a' : adv.rssGrowthPct < 20 ? 'pass' : 'FAIL',
    });
    out.push({ target: 'adversarial: 5xx answers', goal: '0', measured: f0(adv.fiveHundreds), status: adv.fiveHundreds === 0 ? 'pass' : 'FAIL' });
  }
  if (results.startup) {
    out.push({ target: 'start-up to first answer (median)', goal: '< 1 s', measured: `${f0(results.startup.ec2liteMedianMs)} ms`, status: results.startup.ec2liteMedianMs < 1000 ? 'pass' : 'FAIL' });
  }
  return out;
}

function printReport(results: Results): void {
  const out: string[] = [];
  const m = results.machine;
  out.push(`\nec2lite bench ${results.startedAt} — ${m.nproc} cores, ${m.cpuModel}${m.cpuMHz ? ` ${m.cpuMHz} MHz` : ''}, node ${m.node}, commit ${m.commit ?? '?'}${m.dirtySources ? ' (+local changes)' : ''}; target: ${results.target}`);
  out.push(`load average before/after: ${results.loadBefore.join(' ')} / ${results.loadAfter.join(' ')}`);
  if ((results.loadBefore[0] ?? 0) > 0.5 * m.nproc || (results.loadAfter[0] ?? 0) > m.nproc + 0.5) {
    out.push('WARNING: other processes were using the CPU; wall-clock rates and latencies are skewed (CPU ms per call much less so).');
  }

  for (const life of results.eniLifecycle ?? []) {
    const warmedFirst = results.options.warmClient > 0 && (life.run ?? 1) === 1 ? `client warmed first (${results.options.warmClient} instances on a throwaway server), ` : '';
    const runOf = (life.runs && life.runs > 1 ? `run ${life.run} of ${life.runs}, ` : '') + warmedFirst;
    if (life.run !== undefined && life.runs !== undefined && life.run > 1 && life.run < life.runs) {
      // the runs between the cold first and the warm last: one line each
      out.push(
        `\neni-lifecycle (${life.client} client), ${runOf}${life.instances} instances: ${f0(life.opsPerSec)} calls/s, server ${f2(life.serverCpuMsPerCall)} ms CPU per call, ` +
          `RunInstances p99 ${f2(life.perAction.RunInstances?.p99Ms)} ms; checks ${life.ok ? 'ok' : 'FAIL'}`,
      );
      continue;
    }
    const rows = Object.entries(life.perAction)
      .sort((a, b) => b[1].count - a[1].count)
      .map(([k, s]) => [k, s.count, f0(s.opsPerSec), f2(s.p50Ms), f2(s.p99Ms), f2(s.maxMs)]);
    rows.push(['all calls', life.all.count, f0(life.opsPerSec), f2(life.all.p50Ms), f2(life.all.p99Ms), f2(life.all.maxMs)]);
    out.push(
      table(
        `eni-lifecycle (${life.client} client): ${runOf}${life.instances} instances at C=${life.concurrency} in ${f2(life.wallMs / 1000)} s — ${f0(life.opsPerSec)} calls/s, ${f1(life.instancesPerSec)} instances/s\n` +
          `  CPU: server ${f0(life.serverCpuPct)}% of a core, ${f2(life.serverCpuMsPerCall)} ms per call (one core's ceiling: ${f0(life.serverCpuMsPerCall ? 1000 / life.serverCpuMsPerCall : undefined)} calls/s); client ${f0(life.clientCpuPct)}%, ${f2(life.clientCpuMsPerCall)} ms per call`,
        ['action', 'calls', 'calls/s', 'p50 ms', 'p99 ms', 'max ms'],
        rows,
      ),
    );
    const drifting = Object.entries(life.drift).filter(([, d]) => d.lastP50Ms > 1.5 * d.firstP50Ms);
    if (drifting.length) out.push(`  drift (p50 first fifth -> last fifth of the run): ${drifting.map(([k, d]) => `${k} ${f2(d.firstP50Ms)} -> ${f2(d.lastP50Ms)} ms`).join(', ')}`);
    for (const c of life.checks) out.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  }

  for (const scale of results.describeScale ?? []) {
    const kinds = ['by-id', 'by-subnet', 'by-tag', 'by-tag-glob', 'by-ipv6', 'by-ipv6-prefix'];
    const rows = scale.levels.map((l) => [
      f0(l.m),
      ...kinds.flatMap((k) => [f2(l.queries[k]?.p50Ms), f2(l.queries[k]?.p99Ms)]),
      f2(l.listing.bestMs / 1000),
      `${f2(l.vpcListing.ms / 1000)} (${f0(l.vpcListing.count)})`,
      l.rssMB === undefined ? '-' : f0(l.rssMB),
      l.populate.created ? `${f0(l.populate.opsPerSec)}` : '-',
    ]);
    out.push(
      table(
        `describe-scale (${scale.client} client), DescribeNetworkInterfaces one at a time; p50/p99 ms; answers of 1, 20, 20, 1, 1 and 1 interfaces`,
        ['M', ...kinds.flatMap((k) => [`${k} p50`, 'p99']), 'listing s', 'vpc-listing s', 'RSS MB', 'create/s'],
        rows,
      ),
    );
    for (const [stepName, g] of Object.entries(scale.growthByStep)) {
      out.push(`  growth exponent of p50, M ${stepName} (0 = flat, 1 = linear): ${Object.entries(g).map(([k, v]) => `${k} ${f2(v)}`).join(', ')}`);
    }
    if (Object.keys(scale.growthFit).length) {
      out.push(`  fitted k of p50 = a + b*M^k over all levels (0 = flat, 1 = linear): ${Object.entries(scale.growthFit).map(([k, v]) => `${k} ${f2(v)}`).join(', ')}`);
    }
    if (Object.keys(scale.marginalMsPer10k).length) {
      out.push(`  p50 added per 10,000 more interfaces (last two levels): ${Object.entries(scale.marginalMsPer10k).map(([k, v]) => `${k} ${f2(v)} ms`).join(', ')}`);
    }
    for (const l of scale.levels) {
      const mem = l.memory;
      out.push(
        `  M=${f0(l.m)}: server RSS MB after create ${f0(mem.afterCreateMB)}, indexed queries ${f0(mem.afterIndexedQueriesMB)}, wildcard ${f0(mem.afterGlobMB)}, listing ${f0(mem.afterListingMB)} (peak ${f0(l.peakRssMB)}); ` +
          `create: ${f0(l.populate.opsPerSec)}/s, server ${f2(l.populate.serverCpuMsPerCall)} ms CPU per call; listing: ${l.listing.pages} pages, server CPU ${f2(l.listing.serverCpuMs === undefined ? undefined : l.listing.serverCpuMs / 1000)} s`,
      );
      const d = l.memoryDetail;
      if (d) out.push(`    in-process memory: V8 heap ${f0(d.heapUsedMB)} used / ${f0(d.heapTotalMB)} MB, external ${f0(d.externalMB)} MB, SQLite pages ${f0(d.dbPagesMB)} MB`);
    }
    for (const l of scale.levels) if (l.mismatches.length) out.push(`  FAIL M=${l.m}: ${l.mismatches.slice(0, 5).join('; ')}`);
  }

  if (results.baseline?.length) {
    out.push(
      table(
        'baseline-http: DescribeRegions-sized answers, same client',
        ['server', 'client', 'C', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'server CPU %', 'server CPU us/req', 'client CPU us/req'],
        results.baseline.map((b) => [
          b.server,
          b.client,
          b.concurrency,
          b.requests,
          f0(b.opsPerSec),
          f2(b.latency.p50Ms),
          f2(b.latency.p99Ms),
          f0(b.serverCpuPct),
          f0(b.serverCpuMsPerCall === undefined ? undefined : b.serverCpuMsPerCall * 1000),
          f0(b.clientCpuMsPerCall * 1000),
        ]),
      ),
    );
  }

  if (results.startup) {
    const s = results.startup;
    out.push(
      `\nstart-up (spawn -> first DescribeRegions answer), ${s.runs} runs: median ${f0(s.ec2liteMedianMs)} ms, max ${f0(s.ec2liteMaxMs)} ms ` +
        `(listening line ${f0(s.listeningLineMedianMs)} ms; bare node:http server: ${f0(s.nodeHttpMedianMs)} ms)`,
    );
  }

  const adv = results.adversarial;
  if (adv) {
    out.push(
      table(
        `adversarial: worst inputs within the limits, ${adv.inputs.length} kinds; probe DescribeRegions every 2 ms: ${adv.probe.samples} answers, p50 ${f2(adv.probe.p50Ms)} ms, p99 ${f2(adv.probe.p99Ms)} ms, worst ${f1(adv.probe.worstMs)} ms`,
        ['input', 'bytes', 'status', 'code', 'worst round trip ms', 'server CPU ms/request'],
        adv.inputs.map((i) => [i.name, f0(i.bytes), i.status, i.code ?? '-', f1(i.worstMs), f1(i.serverCpuMs)]),
      ),
    );
    out.push(
      `  ${f0(adv.describes)} DescribeVpcs with random filter sets and orders: server RSS start ${f0(adv.rssStartMB)} MB, after warm-up ${f0(adv.rssWarmMB)} MB, end ${f0(adv.rssEndMB)} MB; ` +
        `statuses ${Object.entries(adv.statuses).map(([k, v]) => `${k}: ${f0(v)}`).join(', ')}`,
    );
  }

  const checks = evaluate(results);
  if (checks.length) out.push(table('targets (issues 10, 13 and 21)', ['target', 'goal', 'measured', 'status'], checks.map((c) => [c.target, c.goal, c.measured, c.status])));
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------------------------

interface Results {
  startedAt: string;
  machine: ReturnType<typeof machine>;
  target: string;
  options: Options;
  loadBefore: number[];
  loadAfter: number[];
  eniLifecycle?: LifecycleResult[];
  describeScale?: ScaleResult[];
  baseline?: ThroughputResult[];
  startup?: StartupResult;
  adversarial?: AdversarialResult;
  profiles?: Record<string, ProfileReport[]>;
  targets?: TargetCheck[];
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const results: Results = {
    startedAt: new Date().toISOString(),
    machine: machine(),
    target: o.mode === 'endpoint' ? o.endpoint! : `ec2lite (${o.mode === 'child' ? 'child process' : 'in-process'})${o.serverArgs.length ? ` ${o.serverArgs.join(' ')}` : ''}`,
    options: o,
    loadBefore: loadAverage(),
    loadAfter: [],
    profiles: {},
  };
  const keepProfiles = (name: string, reports: ProfileReport[]) => {
    if (reports.length) results.profiles![name] = reports;
  };

  for (const w of o.workloads) {
    if (w === 'eni-lifecycle') {
      results.eniLifecycle = [];
      for (const [i, kind] of o.clients.entries()) {
        if (o.warmClient > 0) await warmClient(o, kind, i);
        const { result, profiles } = await withTarget(o, `eni-lifecycle-${kind}`, (t) =>
          withLifecycleApi(o, kind, t, async (api) => {
            const runs: LifecycleResult[] = [];
            for (let run = 1; run <= o.runs; run++) {
              if (run > 1) await t.reset();
              const instances = run === 1 ? o.instances : (o.warmInstances ?? o.instances);
              log(`eni-lifecycle (${kind}): ${instances} instances at C=${o.concurrency}${o.runs > 1 ? `, run ${run} of ${o.runs}` : ''}`);
              const r = await eniLifecycle(api, { instances, concurrency: o.concurrency, pollLimit: 200, serverPid: t.sharesProcess ? undefined : t.pid, vpcOctet: i });
              runs.push({ ...r, run, runs: o.runs });
            }
            return runs;
          }),
        );
        if (result) results.eniLifecycle.push(...result);
        keepProfiles(`eni-lifecycle-${kind}`, profiles);
      }
    } else if (w === 'describe-scale') {
      results.describeScale = [];
      const { result, profiles } = await withTarget(o, 'describe-scale', async (t) => {
        const out: ScaleResult[] = [];
        // one population (built with the first client), measured with every client
        const apis = o.clients.map((k) => makeApi(k, httpTarget(t.endpoint, '222222222222'), o.concurrency));
        const population = new ScalePopulation(apis[0]);
        try {
          if (apis.length === 1) {
            out.push(await describeScale(apis[0], t, { levels: o.levels, concurrency: o.concurrency, samples: o.samples, globSamples: o.globSamples, listingRuns: o.listingRuns, seed: o.seed, onProgress: log }, population));
          } else {
            // interleave: per level, populate once, then measure each client
            const perClient = apis.map(() => [] as ScaleResult[]);
            for (const level of o.levels) {
              for (const [j, api] of apis.entries()) {
                // the first client grows the shared population; the others find it already there
                perClient[j].push(await describeScale(api, t, { levels: [level], concurrency: o.concurrency, samples: o.samples, globSamples: o.globSamples, listingRuns: o.listingRuns, seed: o.seed + level, onProgress: log }, population));
              }
            }
            for (const [j, api] of apis.entries()) {
              const levels = perClient[j].flatMap((r) => r.levels);
              out.push({ client: api.kind, levels, ...growth(levels), ok: perClient[j].every((r) => r.ok) });
            }
          }
        } finally {
          for (const api of apis) api.close();
        }
        return out;
      });
      if (result) results.describeScale.push(...result);
      keepProfiles('describe-scale', profiles);
    } else if (w === 'baseline-http') {
      results.baseline = [];
      for (const kind of o.clients) {
        const servers: Array<() => Promise<Target>> =
          o.mode === 'endpoint'
            ? [() => startBaselineServer('node-http'), () => startBaselineServer('express'), async () => externalTarget(o.endpoint!, o.serverPid, false)]
            : [
                () => startBaselineServer('node-http'),
                () => startBaselineServer('express'),
                () => (o.mode === 'inproc' ? startInProcessEc2lite(o.serverArgs) : startChildEc2lite({ serverArgs: o.serverArgs })),
              ];
        for (const start of servers) {
          const t = await start();
          const label = t.name.startsWith('baseline') ? t.name.replace('baseline ', '') + ' (constant)' : `${t.name.replace(/ \(.*\)$/, '')} DescribeRegions`;
          log(`baseline-http (${kind}): ${label}, ${o.requests} requests at C=${o.concurrency}`);
          const api = makeApi(kind, httpTarget(t.endpoint, 'test'), o.concurrency);
          try {
            results.baseline.push(await throughput(api, label, o.requests, o.concurrency, t.sharesProcess ? undefined : t.pid));
          } finally {
            api.close();
            await t.stop();
          }
        }
      }
    } else if (w === 'adversarial') {
      const maxBody = Number(flagValue(o.serverArgs, '--max-body-bytes') ?? 1_048_576);
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const loopFile = path.join(RESULTS_DIR, `loop-${stamp}.json`);
      const { result, profiles } = await withTarget(
        o,
        'adversarial',
        (t) =>
          adversarial(t, { rounds: o.advRounds, describes: o.advDescribes, warmup: Math.floor(o.advDescribes / 6), concurrency: o.concurrency, seed: o.seed, maxBodyBytes: maxBody, onProgress: log }),
        { loopFile },
      );
      fs.rmSync(loopFile, { force: true });
      results.adversarial = result;
      keepProfiles('adversarial', profiles);
    } else if (w === 'startup') {
      if (o.mode === 'endpoint') {
        log('startup: skipped (it spawns bin/ec2lite; not meaningful with --endpoint)');
        continue;
      }
      log(`startup: ${o.startupRuns} runs`);
      results.startup = await startup(o.startupRuns);
    }
  }

  results.loadAfter = loadAverage();
  results.targets = evaluate(results);
  printReport(results);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const outFile = o.out ? path.resolve(o.out) : path.join(RESULTS_DIR, `bench-${stamp}.json`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const json = JSON.stringify(results, null, 2);
  fs.writeFileSync(outFile, json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  log(`results written to ${path.relative(process.cwd(), outFile)}`);
  const failedChecks =
    (results.eniLifecycle ?? []).some((r) => !r.ok) || (results.describeScale ?? []).some((r) => !r.ok) || results.adversarial?.ok === false;
  return failedChecks ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}

