/**
 * The server under test:
 *   child     `node bin/ec2lite --port 0` in a child process (default): the server has a core of its own, its RSS
 *             and CPU time are read from /proc, and `--cpu-prof` profiles it;
 *   inproc    `startEc2lite()` in this process (RSS and CPU then include the client);
 *   endpoint  any EC2-compatible server already listening (ec2lite, moto_server, …), on loopback only.
 * Also the constant-response servers of the baseline, run the same way as the child server.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOOP_FILE_ENV, LoopDelay, readLoopDelay } from './loopMonitor';
import { procMemory } from './stats';

export type TargetMode = 'child' | 'inproc' | 'endpoint';

export interface Target {
  readonly name: string;
  readonly endpoint: string;
  /** The server's process id, when we know it (RSS and CPU come from /proc). */
  readonly pid?: number;
  /** True when the server's process is this one (its RSS includes the client). */
  readonly sharesProcess: boolean;
  memory(): { rssMB: number; peakRssMB: number } | undefined;
  /** In-process only: where the memory is (V8 heap, external, the SQLite database's pages). */
  memoryDetail?(): { heapUsedMB: number; heapTotalMB: number; externalMB: number; dbPagesMB?: number };
  /** Wipes the server's state (`POST /moto-api/reset`, which ec2lite and moto both serve). */
  reset(): Promise<void>;
  /** The server's own event-loop delay since the last reset (child servers started with `loopFile`). */
  loopDelay?(): LoopDelay | undefined;
  resetLoopDelay?(): void;
  /** Stops what we started; resolves with the CPU profile written, if one was asked for. */
  stop(): Promise<{ profiles: string[] }>;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const EC2LITE_BIN = path.join(REPO_ROOT, 'bin', 'ec2lite');

interface ChildOptions {
  /** Extra ec2lite flags (e.g. `--log-level info`). */
  serverArgs?: string[];
  /** Write a V8 CPU profile of the server into this directory (node --cpu-prof). */
  cpuProfDir?: string;
  /** Extra node flags for the server. */
  nodeFlags?: string[];
  /** Measure the server's event-loop delay (bench/loopMonitor.ts), written to this file. */
  loopFile?: string;
}

const LISTENING = /listening on (http:\/\/[^\s]+)/;

/** Spawns a server script that prints `… listening on http://host:port …` once it accepts connections. */
async function spawnListening(script: string, args: string[], opts: ChildOptions, label: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const nodeFlags = [...(opts.nodeFlags ?? [])];
  if (opts.loopFile) nodeFlags.push('--require', path.join(__dirname, 'loopMonitor.js'));
  if (opts.cpuProfDir) {
    fs.mkdirSync(opts.cpuProfDir, { recursive: true });
    nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  }
  const env = opts.loopFile ? { ...process.env, [LOOP_FILE_ENV]: opts.loopFile } : process.env;
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO_ROOT, env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${label} did not start within 30 s: ${stderr}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = LISTENING.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining (request logs at --log-level info)
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code} before listening: ${stderr}`));
    });
  });
  return { child, endpoint };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function listProfiles(dir: string | undefined): string[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
}

async function postReset(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint.replace(/\/+$/, '')}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`reset: HTTP ${res.status}`);
  await res.arrayBuffer();
}

export async function startChildEc2lite(opts: ChildOptions = {}): Promise<Target> {
  const args = ['--port', '0', '--log-level', 'silent', ...(opts.serverArgs ?? [])];
  const { child, endpoint } = await spawnListening(EC2LITE_BIN, args, opts, 'ec2lite');
  return {
    name: 'ec2lite (child process)',
    endpoint,
    pid: child.pid,
    sharesProcess: false,
    memory: () => (child.pid ? procMemory(child.pid) : undefined),
    reset: () => postReset(endpoint),
    ...(opts.loopFile
      ? { loopDelay: () => readLoopDelay(opts.loopFile!), resetLoopDelay: () => child.kill('SIGUSR2') }
      : {}),
    async stop() {
      await stopChild(child);
      return { profiles: listProfiles(opts.cpuProfDir) };
    },
  };
}

/** What the in-process target uses of the library (src/index.ts). */
interface BuiltLibrary {
  startEc2lite(options: { logLevel?: string }): Promise<{ endpoint: string; runtime: unknown; reset(): void | Promise<void>; stop(): Promise<void> }>;
}

export async function startInProcessEc2lite(serverArgs: string[] = []): Promise<Target> {
  // The built library (npm run build), as a user loads it; the bench is compiled on its own (tsconfig.dev.json).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(path.join(REPO_ROOT, 'dist', 'index.js')) as BuiltLibrary;
  const logLevel = flagValue(serverArgs, '--log-level') ?? 'silent';
  const server = await lib.startEc2lite({ logLevel });
  const raw = (server.runtime as unknown as { db?: { raw?: { pragma(sql: string, opts: { simple: true }): unknown } } }).db?.raw;
  const mb = (n: number) => n / 2 ** 20;
  return {
    name: 'ec2lite (in-process)',
    endpoint: server.endpoint,
    pid: process.pid,
    sharesProcess: true,
    memory: () => procMemory(process.pid),
    memoryDetail: () => {
      const m = process.memoryUsage();
      let dbPagesMB: number | undefined;
      try {
        if (raw) dbPagesMB = mb(Number(raw.pragma('page_count', { simple: true })) * Number(raw.pragma('page_size', { simple: true })));
      } catch {
        dbPagesMB = undefined;
      }
      return { heapUsedMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal), externalMB: mb(m.external), dbPagesMB };
    },
    reset: async () => server.reset(),
    async stop() {
      await server.stop();
      return { profiles: [] };
    },
  };
}

export function externalTarget(endpoint: string, pid?: number, allowReset = false): Target {
  return {
    name: `external ${endpoint}`,
    endpoint,
    pid,
    sharesProcess: false,
    memory: () => (pid !== undefined ? procMemory(pid) : undefined),
    reset: async () => {
      if (allowReset) await postReset(endpoint);
    },
    stop: async () => ({ profiles: [] }),
  };
}

/** A constant-response HTTP server (node:http or Express) in a child process: the ceiling of the client stack. */
export async function startBaselineServer(kind: 'node-http' | 'express', opts: ChildOptions = {}): Promise<Target> {
  const script = path.join(__dirname, 'baselineServer.js');
  const { child, endpoint } = await spawnListening(script, [kind], opts, `baseline ${kind}`);
  return {
    name: `baseline ${kind}`,
    endpoint,
    pid: child.pid,
    sharesProcess: false,
    memory: () => (child.pid ? procMemory(child.pid) : undefined),
    reset: async () => undefined,
    async stop() {
      await stopChild(child);
      return { profiles: listProfiles(opts.cpuProfDir) };
    },
  };
}

/** A server flag's value among --server-arg values (they arrive split as `--flag value`). */
export function flagValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}
