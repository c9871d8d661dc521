/**
 * Preloaded into a benchmark's server (`node --require dist-dev/bench/loopMonitor.js bin/ec2lite …`): measures the
 * server's own event-loop delay with perf_hooks and writes it as JSON to $EC2LITE_BENCH_LOOP_FILE every 200 ms.
 * SIGUSR2 starts a new window (start-up's module loading is not the server's doing). Bench-only: never loaded by
 * ec2lite itself.
 */
import * as fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

export const LOOP_FILE_ENV = 'EC2LITE_BENCH_LOOP_FILE';

/** The server's event-loop delay since the last SIGUSR2, as the monitor last wrote it. */
export function readLoopDelay(file: string): LoopDelay | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LoopDelay;
  } catch {
    return undefined;
  }
}

const file = process.env[LOOP_FILE_ENV];
if (file && require.main !== module) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const write = () => {
    const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
    fs.writeFileSync(file, JSON.stringify({ maxMs: ms(h.max), p99Ms: ms(h.percentile(99)), meanMs: ms(h.mean) }));
  };
  setInterval(write, 200).unref();
  process.on('SIGUSR2', () => {
    h.reset();
    write();
  });
  process.on('exit', write);
}
