/**
 * The adversarial workload: what a hostile or careless client can do to everyone sharing the server.
 *
 * 1. Stall: the worst inputs the limits allow (bodies up to --max-body-bytes of each kind that used to freeze the
 *    server: base64 and credential values that made regexes backtrack, compression bombs, deep keys, thousands of
 *    parameters, filters at AWS's limits with wildcard values) sent back to back, while a probe on its own
 *    connection asks DescribeRegions every few milliseconds. The probe's worst latency is the longest the server
 *    made anyone wait (event-loop stall plus one small request).
 * 2. Memory: describes with random filter sets in random orders (each a distinct SQL text), server RSS after a
 *    warm-up and at the end.
 * Every answer is counted by status: a 5xx is a failure.
 */
import * as http from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { MAX_PARAMETERS } from '../src/server/requestLimits';
import { exchange, formEncode, HttpResult, queryBody } from './http';
import { CpuMeter, percentile, rng } from './stats';
import type { LoopDelay } from './loopMonitor';
import type { Target } from './target';

interface AdversarialOptions {
  /** Times each worst input is sent. */
  rounds: number;
  /** Describes with random filters. */
  describes: number;
  /** Describes before the warm RSS reading. */
  warmup: number;
  concurrency: number;
  seed: number;
  maxBodyBytes: number;
  onProgress?: (msg: string) => void;
}

export interface AdversarialResult {
  /** Per input: the answer, the slowest round trip, and the server's CPU per request (a bound on the stall it causes). */
  inputs: Array<{ name: string; bytes: number; status: number; code?: string; worstMs: number; serverCpuMs?: number }>;
  /** The largest server CPU time one request of any kind cost. */
  worstServerCpuMs?: number;
  /** The server's own event-loop delay over both passes (child servers only). */
  loopDelay?: LoopDelay;
  probe: { samples: number; p50Ms: number; p99Ms: number; worstMs: number };
  describes: number;
  rssStartMB?: number;
  rssWarmMB?: number;
  rssEndMB?: number;
  rssGrowthPct?: number;
  statuses: Record<string, number>;
  fiveHundreds: number;
  ok: boolean;
}

export type Reply = HttpResult;

/** One request on a keep-alive agent, any body and headers (the bench's RawHttpClient signs string bodies only). */
export function send(agent: http.Agent, endpoint: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const url = new URL(endpoint);
  return exchange(
    {
      hostname: url.hostname,
      port: url.port,
      path: '/',
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), ...headers },
    },
    body,
  );
}

export const codeOf = (body: string) => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];

/** The worst bodies of each kind, each within the body limit (`size` bytes). */
export function worstInputs(size: number): Array<{ name: string; body: string | Buffer; headers?: Record<string, string> }> {
  const fill = (prefix: string, unit: string, suffix = '') => prefix + unit.repeat(Math.floor((size - prefix.length - suffix.length) / unit.length)) + suffix;
  const params = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join('&');
  const wildcard = '*a'.repeat(127) + 'b'; // 255 characters, the longest value AWS allows
  return [
    { name: 'base64 key material: spaces then "!"', body: fill('Action=ImportKeyPair&KeyName=k&PublicKeyMaterial=', '+', '%21') },
    { name: 'UserData: line breaks then "!"', body: fill('Action=RunInstances&ImageId=ami-760aaa0f&MinCount=1&MaxCount=1&UserData=', 'A%0A', '%21') },
    { name: 'X-Amz-Credential: "Credential=" repeated', body: fill('Action=DescribeRegions&X-Amz-Credential=', 'Credential%3D') },
    { name: 'Authorization header at the 16 KB header limit', body: queryBody('DescribeRegions'), headers: { authorization: 'AWS4-HMAC-SHA256 ' + 'Credential='.repeat(1400) } },
    { name: 'key nested to the body limit', body: fill('Action=CreateTags&ResourceId.1=vpc-12345678&Tag.1', '.1', '=x') },
    { name: `${MAX_PARAMETERS} unknown parameters`, body: 'Action=DescribeVpcs&' + params(MAX_PARAMETERS - 1, (i) => `P${i}=1`) },
    { name: `${MAX_PARAMETERS} VPC ids`, body: 'Action=DescribeVpcs&' + params(MAX_PARAMETERS - 1, (i) => `VpcId.${i + 1}=vpc-${(0x10000000 + i).toString(16)}`) },
    { name: `${MAX_PARAMETERS + 1} parameters`, body: 'Action=DescribeVpcs&' + params(MAX_PARAMETERS, (i) => `P${i}=1`) },
    { name: '201 filters (AWS allows 200 values)', body: 'Action=DescribeVpcs&' + params(201, (i) => `Filter.${i + 1}.Name=tag:k${i}&Filter.${i + 1}.Value.1=v`) },
    { name: '200 wildcard filter values of 255 characters', body: 'Action=DescribeVpcs&Filter.1.Name=tag:Name&' + params(200, (i) => `Filter.1.Value.${i + 1}=${encodeURIComponent(wildcard)}`) },
    { name: 'filter value of 1 MB', body: fill('Action=DescribeVpcs&Filter.1.Name=tag:k&Filter.1.Value.1=', '*a') },
    { name: 'value echoed in an error (1 MB, with 0x7F)', body: fill('Action=DescribeVpcs&VpcId.1=', '%7Fx') },
    { name: 'brotli bomb (inflates to 256 MB)', body: brotliCompressSync(Buffer.alloc(1 << 28, 0x61)), headers: { 'content-encoding': 'br' } },
    { name: 'gzip bomb (inflates to 256 MB)', body: gzipSync(Buffer.alloc(1 << 28, 0x61), { level: 9 }), headers: { 'content-encoding': 'gzip' } },
    { name: 'body over the limit', body: fill('Action=DescribeVpcs&X=', 'x') + 'x'.repeat(size) },
  ];
}


/** Exact-value filters SQL evaluates: every set and order of them is a different SQL text. */
const VPC_FILTERS: Array<[string, () => string]> = [
  ['vpc-id', () => 'vpc-0123abcd'],
  ['cidr', () => '10.0.0.0/16'],
  ['cidr-block-association.cidr-block', () => '10.0.0.0/16'],
  ['state', () => 'available'],
  ['is-default', () => 'true'],
  ['owner-id', () => '333333333333'],
  ['dhcp-options-id', () => 'dopt-12345678'],
  ['tag:Name', () => 'n'],
  ['tag-key', () => 'k'],
  ['cidr-block-association.state', () => 'associated'],
];

export function randomDescribe(random: () => number): string {
  const pool = [...VPC_FILTERS];
  const n = 1 + Math.floor(random() * 5);
  const params: Record<string, string> = { Action: 'DescribeVpcs' };
  for (let i = 1; i <= n; i++) {
    const [name, value] = pool.splice(Math.floor(random() * pool.length), 1)[0];
    params[`Filter.${i}.Name`] = name;
    const values = 1 + Math.floor(random() * 3);
    for (let v = 1; v <= values; v++) params[`Filter.${i}.Value.${v}`] = value() + (v > 1 ? String(v) : '');
  }
  return formEncode(params);
}

/** Asks DescribeRegions every `everyMs` on its own connection until stopped; returns every latency. */
function startProbe(endpoint: string, everyMs: number): { stop: () => Promise<number[]> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let running = true;
  const body = queryBody('DescribeRegions', { 'RegionName.1': 'us-east-1' });
  const loop = (async () => {
    while (running) {
      const t0 = process.hrtime.bigint();
      await send(agent, endpoint, body);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return latencies;
    },
  };
}

export async function adversarial(target: Target, o: AdversarialOptions): Promise<AdversarialResult> {
  const statuses: Record<string, number> = {};
  const count = (status: number) => (statuses[status] = (statuses[status] ?? 0) + 1);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const progress = o.onProgress ?? (() => undefined);
  try {
    progress(`adversarial: building the worst inputs (${o.maxBodyBytes} bytes each)`);
    const inputs = worstInputs(o.maxBodyBytes);
    // Warm up (the account's default VPC is created by the first call) so pass 1 measures the inputs only.
    for (let r = 0; r < 20; r++) await send(agent, target.endpoint, randomDescribe(rng(r + 1)));
    const rssStartMB = target.memory()?.rssMB;
    target.resetLoopDelay?.();

    // Pass 1, alone: the server's CPU per request of each kind (/proc, so other load on the machine does not count).
    const perInput: AdversarialResult['inputs'] = [];
    for (const input of inputs) {
      let worstMs = 0;
      let last: Reply = { status: 0, body: '' };
      const cpu = target.pid && !target.sharesProcess ? new CpuMeter(target.pid) : undefined;
      for (let r = 0; r < o.rounds; r++) {
        const t0 = process.hrtime.bigint();
        last = await send(agent, target.endpoint, input.body, input.headers);
        worstMs = Math.max(worstMs, Number(process.hrtime.bigint() - t0) / 1e6);
        count(last.status);
      }
      const cpuMs = cpu?.read().serverCpuMs;
      perInput.push({ name: input.name, bytes: Buffer.byteLength(input.body), status: last.status, code: codeOf(last.body), worstMs, serverCpuMs: cpuMs === undefined ? undefined : cpuMs / o.rounds });
      progress(`adversarial: ${input.name}: ${last.status} ${codeOf(last.body) ?? ''} (worst ${worstMs.toFixed(1)} ms)`);
    }
    // Pass 2: the same inputs back to back while the probe measures how long an innocent caller waits.
    const probe = startProbe(target.endpoint, 2);
    for (const input of inputs) for (let r = 0; r < o.rounds; r++) count((await send(agent, target.endpoint, input.body, input.headers)).status);
    const latencies = (await probe.stop()).sort((a, b) => a - b);
    await new Promise((r) => setTimeout(r, 300)); // the monitor writes every 200 ms
    const loopDelay = target.loopDelay?.();
    for (let i = 0; i < latencies.length; i++) count(200);

    progress(`adversarial: ${o.describes} describes with random filter sets and orders`);
    const random = rng(o.seed);
    let rssWarmMB: number | undefined;
    let done = 0;
    const worker = async () => {
      while (done < o.describes) {
        done++;
        if (done === o.warmup) rssWarmMB = target.memory()?.rssMB;
        count((await send(agent, target.endpoint, randomDescribe(random))).status);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    const rssEndMB = target.memory()?.rssMB;
    const fiveHundreds = Object.entries(statuses).reduce((n, [s, c]) => (Number(s) >= 500 ? n + c : n), 0);
    const worst = latencies[latencies.length - 1] ?? 0;
    const rssGrowthPct = rssWarmMB && rssEndMB ? ((rssEndMB - rssWarmMB) / rssWarmMB) * 100 : undefined;
    const cpus = perInput.map((i) => i.serverCpuMs).filter((n): n is number => n !== undefined);
    return {
      inputs: perInput,
      worstServerCpuMs: cpus.length ? Math.max(...cpus) : undefined,
      loopDelay,
      probe: { samples: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), worstMs: worst },
      describes: o.describes,
      rssStartMB,
      rssWarmMB,
      rssEndMB,
      rssGrowthPct,
      statuses,
      fiveHundreds,
      ok: fiveHundreds === 0 && (rssGrowthPct === undefined || rssGrowthPct < 20),
    };
  } finally {
    agent.destroy();
  }
}
