/** Latency samples per label, percentiles (nearest rank) and process resource readings. */
import * as fs from 'node:fs';

export interface Summary {
  count: number;
  /** Calls per second over the wall-clock window the samples were taken in (when known). */
  opsPerSec?: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[], windowMs?: number): Summary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const s of sorted) sum += s;
  const arr = Array.from(sorted);
  return {
    count: arr.length,
    ...(windowMs !== undefined && windowMs > 0 ? { opsPerSec: (arr.length * 1000) / windowMs } : {}),
    meanMs: arr.length ? sum / arr.length : NaN,
    p50Ms: percentile(arr, 50),
    p90Ms: percentile(arr, 90),
    p99Ms: percentile(arr, 99),
    maxMs: arr.length ? arr[arr.length - 1] : NaN,
  };
}

/** Times calls by label. */
export class Recorder {
  readonly samples = new Map<string, number[]>();

  async time<T>(label: string, f: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      this.add(label, performance.now() - t0);
    }
  }

  add(label: string, ms: number): void {
    let list = this.samples.get(label);
    if (!list) this.samples.set(label, (list = []));
    list.push(ms);
  }

  get total(): number {
    let n = 0;
    for (const s of this.samples.values()) n += s.length;
    return n;
  }

  all(): number[] {
    return ([] as number[]).concat(...this.samples.values());
  }

  summaries(windowMs?: number): Record<string, Summary> {
    const out: Record<string, Summary> = {};
    for (const [label, s] of this.samples) out[label] = summarize(s, windowMs);
    return out;
  }
}

/** Resident set size (and its peak) of a process, from /proc (Linux); undefined elsewhere. */
export function procMemory(pid: number): { rssMB: number; peakRssMB: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat. */
function procCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12] = utime, stime (fields 14 and 15 of the full line), in clock ticks (100 Hz on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** CPU use of this process and (when known) the server's over a window, as % of one core. */
export class CpuMeter {
  private readonly t0 = performance.now();
  private readonly self0 = process.cpuUsage();
  private readonly server0: number | undefined;

  constructor(private readonly serverPid?: number) {
    this.server0 = serverPid !== undefined ? procCpuMs(serverPid) : undefined;
  }

  read(): { wallMs: number; clientCpuPct: number; serverCpuPct?: number; serverCpuMs?: number; clientCpuMs: number } {
    const wallMs = performance.now() - this.t0;
    const d = process.cpuUsage(this.self0);
    const clientCpuMs = (d.user + d.system) / 1000;
    const clientCpuPct = (clientCpuMs / wallMs) * 100;
    let serverCpuPct: number | undefined;
    let serverCpuMs: number | undefined;
    if (this.serverPid !== undefined && this.server0 !== undefined) {
      const now = procCpuMs(this.serverPid);
      if (now !== undefined) {
        serverCpuMs = now - this.server0;
        serverCpuPct = (serverCpuMs / wallMs) * 100;
      }
    }
    return { wallMs, clientCpuPct, serverCpuPct, serverCpuMs, clientCpuMs };
  }
}

/** Load average of the machine (other processes skew results on a 2-core box). */
export function loadAverage(): number[] {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

/** A seeded random source in [0, 1) (mulberry32): the workloads' choices repeat run after run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
