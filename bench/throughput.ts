/**
 * baseline-http: the same client stack against constant-response servers (bare node:http, then Express with
 * ec2lite's body parser) and against ec2lite's cheapest action (DescribeRegions): the ceiling, and how much of it
 * the framework and the emulator take.
 * start-up: spawn `node bin/ec2lite --port P`, time until DescribeRegions answers 200 (and, for scale, the same
 * for the bare node:http baseline server).
 */
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Ec2Api } from './api';
import { probeOnce, queryBody } from './http';
import { CpuMeter, Recorder, summarize, Summary } from './stats';
import { EC2LITE_BIN, REPO_ROOT } from './target';

export interface ThroughputResult {
  server: string;
  client: string;
  requests: number;
  concurrency: number;
  wallMs: number;
  opsPerSec: number;
  latency: Summary;
  clientCpuPct: number;
  serverCpuPct?: number;
  /** Server CPU time per request (ms), from /proc. */
  serverCpuMsPerCall?: number;
  clientCpuMsPerCall: number;
  errors: number;
}

/** `requests` DescribeRegions calls, `concurrency` at a time. */
export async function throughput(api: Ec2Api, server: string, requests: number, concurrency: number, serverPid?: number): Promise<ThroughputResult> {
  for (let i = 0; i < Math.min(200, requests); i++) await api.describeRegions(); // warm-up (JIT, sockets)
  const rec = new Recorder();
  let next = 0;
  let errors = 0;
  const meter = new CpuMeter(serverPid);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        try {
          await rec.time('call', () => api.describeRegions());
        } catch {
          errors++;
        }
      }
    }),
  );
  const cpu = meter.read();
  const latency = summarize(rec.samples.get('call') ?? [], cpu.wallMs);
  return {
    server,
    client: api.kind,
    requests,
    concurrency,
    wallMs: cpu.wallMs,
    opsPerSec: latency.opsPerSec ?? 0,
    latency,
    clientCpuPct: cpu.clientCpuPct,
    serverCpuPct: cpu.serverCpuPct,
    serverCpuMsPerCall: cpu.serverCpuMs !== undefined ? cpu.serverCpuMs / requests : undefined,
    clientCpuMsPerCall: cpu.clientCpuMs / requests,
    errors,
  };
}

export interface StartupResult {
  runs: number;
  /** spawn -> first 200 answer to DescribeRegions, per run (ms) */
  ec2liteMs: number[];
  ec2liteMedianMs: number;
  ec2liteMaxMs: number;
  /** spawn -> the "listening on" line */
  listeningLineMedianMs: number;
  /** the same measurement for the bare node:http baseline server (Node's own start-up, for scale) */
  nodeHttpMedianMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

async function timeToFirstAnswer(script: string, args: (port: number) => string[]): Promise<{ answerMs: number; lineMs: number }> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const body = queryBody('DescribeRegions');
  const t0 = performance.now();
  const child = spawn(process.execPath, [script, ...args(port)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO_ROOT });
  let lineMs = NaN;
  child.stdout!.once('data', () => (lineMs = performance.now() - t0));
  child.stdout!.resume();
  child.stderr!.resume();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    for (;;) {
      if (performance.now() - t0 > 20_000) throw new Error(`${path.basename(script)} did not answer within 20 s`);
      if (child.exitCode !== null) throw new Error(`${path.basename(script)} exited with ${child.exitCode}`);
      try {
        const res = await probeOnce(endpoint, body, 2000);
        if (res.status === 200) return { answerMs: performance.now() - t0, lineMs };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 1));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function startup(runs: number): Promise<StartupResult> {
  const ec2lite: Array<{ answerMs: number; lineMs: number }> = [];
  const baseline: number[] = [];
  const baselineScript = path.join(__dirname, 'baselineServer.js');
  for (let i = 0; i < runs; i++) {
    ec2lite.push(await timeToFirstAnswer(EC2LITE_BIN, (port) => ['--port', String(port), '--log-level', 'silent']));
    baseline.push((await timeToFirstAnswer(baselineScript, (port) => ['node-http', String(port)])).answerMs);
  }
  const answers = ec2lite.map((r) => r.answerMs);
  return {
    runs,
    ec2liteMs: answers,
    ec2liteMedianMs: median(answers),
    ec2liteMaxMs: Math.max(...answers),
    listeningLineMedianMs: median(ec2lite.map((r) => r.lineMs)),
    nodeHttpMedianMs: median(baseline),
  };
}
