/**
 * describe-scale: DescribeNetworkInterfaces as the number of interfaces M grows (levels, e.g. 1k, 10k, 100k).
 *
 * Population (through the API, CreateNetworkInterface at concurrency C, what the SDK sends, ClientToken
 * included): interface i is tagged Name=bench-eni-<i> and shard=s<floor(i/20)> (so every shard tag value names
 * exactly 20 interfaces, whatever M). Bulk interfaces fill /18 subnets (16,000 each, four per /16 VPC); at each
 * level the last 20 interfaces go into a fresh /24 "probe" subnet. Result sizes therefore stay constant as M
 * grows, and the latencies show the lookup's cost, not the answer's size:
 *   by-id        NetworkInterfaceId.1 = a random interface            (1 result)
 *   by-subnet    Filter subnet-id = a random probe subnet              (20 results)
 *   by-tag       Filter tag:shard = a random shard                     (20 results)
 *   by-tag-glob  Filter tag:Name = *-eni-<i> (a wildcard, GLOB in SQL) (1 result; fewer samples)
 *   by-ipv6      Filter ipv6-addresses.ipv6-address = a probe interface's (1 result)
 *   by-ipv6-prefix Filter ipv6-prefixes.ipv6-prefix = a probe interface's /80 (1 result)
 * (probe subnets have an IPv6 /64 and each probe interface one address and one /80 prefix; the bulk ones none, so
 * these two stay flat only if the lookup starts from the address, not from a scan of the interfaces)
 *   listing      every interface, MaxResults=1000 pages until no NextToken (timed as a whole)
 *   vpc-listing  the same with Filter vpc-id = the first bulk VPC (min(M, 64,000) interfaces): a broad filter
 * Queries run one at a time (latency, not throughput), after a short warm-up. Every answer's size is checked.
 */
import type { Ec2Api } from './api';
import { CpuMeter, Recorder, rng, summarize, Summary } from './stats';
import type { Target } from './target';

interface ScaleOptions {
  levels: number[];
  concurrency: number;
  /** Samples per query kind and level. */
  samples: number;
  /** Samples of the wildcard tag query. */
  globSamples: number;
  /** Full listings per level. */
  listingRuns: number;
  /** Deterministic random choices. */
  seed: number;
  onProgress?: (msg: string) => void;
}

interface ScaleLevel {
  m: number;
  populate: {
    created: number;
    wallMs: number;
    opsPerSec: number;
    p50Ms: number;
    p99Ms: number;
    serverCpuPct?: number;
    clientCpuPct: number;
    /** Server CPU per CreateNetworkInterface (ms), from /proc. */
    serverCpuMsPerCall?: number;
  };
  queries: Record<string, Summary>;
  listing: { runsMs: number[]; bestMs: number; pages: number; count: number; serverCpuMs?: number };
  /** Paginated listing (MaxResults 1000) of the first bulk VPC, by a vpc-id filter. */
  vpcListing: { ms: number; pages: number; count: number };
  /** The server's RSS (MB) after creating the interfaces, after the indexed queries, after the wildcard query and after the listings. */
  memory: { afterCreateMB?: number; afterIndexedQueriesMB?: number; afterGlobMB?: number; afterListingMB?: number };
  /** In-process runs: V8 heap, external memory and the database's pages after the listings (MB). */
  memoryDetail?: { heapUsedMB: number; heapTotalMB: number; externalMB: number; dbPagesMB?: number };
  /** max of the readings above */
  rssMB?: number;
  peakRssMB?: number;
  mismatches: string[];
}

export interface ScaleResult {
  client: string;
  levels: ScaleLevel[];
  /** log(p50 ratio) / log(M ratio) between the last two levels: 0 = flat, 1 = linear. */
  growthExponent: Record<string, number>;
  /** The same between each pair of consecutive levels, e.g. {"1000->10000": {...}}. */
  growthByStep: Record<string, Record<string, number>>;
  /**
   * With three levels or more: k of the least-squares fit p50 = a + b·M^k (b >= 0), which separates the fixed cost
   * of a call (HTTP, parsing, serializing) from the part that grows with M. 0 = flat, 1 = linear (a scan).
   */
  growthFit: Record<string, number>;
  /** p50 increase per 10,000 more interfaces between the last two levels (ms). */
  marginalMsPer10k: Record<string, number>;
  ok: boolean;
}

const PER_BULK_SUBNET = 16_000; // of 16,379 usable in a /18
const SUBNETS_PER_VPC = 4;
const PROBE = 20;
const SHARD = 20;


export class ScalePopulation {
  readonly eniIds: string[] = [];
  private bulkCount = 0;
  readonly bulkVpcs: string[] = [];
  private readonly bulkSubnets: string[] = [];
  private probeVpc?: string;
  private probeIpv6?: string;
  readonly probeSubnets: string[] = [];
  /** Probe interfaces' IPv6 address and /80 prefix (empty when the target serves no IPv6, e.g. an older server). */
  readonly ipv6Probes: Array<{ address: string; prefix: string }> = [];

  constructor(private readonly api: Ec2Api) {}

  get size(): number {
    return this.eniIds.length;
  }

  /** Bulk interfaces in bulk VPC `v` so far. */
  bulkInVpc(v: number): number {
    const perVpc = PER_BULK_SUBNET * SUBNETS_PER_VPC;
    return Math.max(0, Math.min(perVpc, this.bulkCount - v * perVpc));
  }

  private async bulkSubnet(index: number): Promise<string> {
    while (this.bulkSubnets.length <= index) {
      const k = this.bulkSubnets.length;
      const v = Math.floor(k / SUBNETS_PER_VPC);
      if (this.bulkVpcs.length <= v) this.bulkVpcs.push(await this.api.createVpc(`10.${100 + v}.0.0/16`));
      const third = (k % SUBNETS_PER_VPC) * 64;
      this.bulkSubnets.push(await this.api.createSubnet(this.bulkVpcs[v], `10.${100 + v}.${third}.0/18`, 'us-east-1a'));
    }
    return this.bulkSubnets[index];
  }

  /** A /64 of the probe VPC's /56 for the probe subnet, and an address and a /80 prefix on each probe interface. */
  private async addIpv6(subnet: string, eniIds: string[]): Promise<void> {
    try {
      this.probeIpv6 ??= await this.api.associateVpcIpv6(this.probeVpc!);
      const groups = this.probeIpv6.split('::')[0].split(':');
      while (groups.length < 4) groups.push('0');
      const fourth = (parseInt(groups[3], 16) + this.probeSubnets.length).toString(16);
      await this.api.associateSubnetIpv6(subnet, `${groups.slice(0, 3).join(':')}:${fourth}::/64`);
      for (const id of eniIds) {
        const { addresses } = await this.api.assignIpv6(id, 1, 0);
        const { prefixes } = await this.api.assignIpv6(id, 0, 1);
        this.ipv6Probes.push({ address: addresses[0], prefix: prefixes[0] });
      }
    } catch (e) {
      // a target without IPv6 (or prefix delegation): the two IPv6 queries are skipped
      if (this.ipv6Probes.length === 0) process.stderr.write(`describe-scale: no IPv6 probes (${(e as Error).message.slice(0, 200)})\n`);
    }
  }

  /** Grows the population to m interfaces; returns the CreateNetworkInterface latencies. */
  async growTo(m: number, concurrency: number, rec: Recorder): Promise<number> {
    const bulk = m - this.size - PROBE;
    if (bulk < 0) throw new Error(`level ${m} is too small (already ${this.size})`);
    // subnets first, so the workers never race to create one
    const lastBulk = this.bulkCount + bulk - 1;
    for (let s = Math.floor(this.bulkCount / PER_BULK_SUBNET); s <= Math.floor(lastBulk / PER_BULK_SUBNET); s++) await this.bulkSubnet(s);
    this.probeVpc ??= await this.api.createVpc('10.99.0.0/16');
    const probeSubnet = await this.api.createSubnet(this.probeVpc, `10.99.${this.probeSubnets.length}.0/24`, 'us-east-1a');

    const startIndex = this.size;
    const bulkStart = this.bulkCount;
    const total = bulk + PROBE;
    const ids: string[] = new Array(total);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const k = next++;
          const i = startIndex + k;
          const subnet = k < bulk ? this.bulkSubnets[Math.floor((bulkStart + k) / PER_BULK_SUBNET)] : probeSubnet;
          const tags = [
            { key: 'Name', value: `bench-eni-${i}` },
            { key: 'shard', value: `s${Math.floor(i / SHARD)}` },
          ];
          ids[k] = (await rec.time('CreateNetworkInterface', () => this.api.createNetworkInterface(subnet, tags))).eniId;
        }
      }),
    );
    this.bulkCount += bulk;
    await this.addIpv6(probeSubnet, ids.slice(bulk));
    this.probeSubnets.push(probeSubnet);
    for (const id of ids) this.eniIds.push(id);
    return total;
  }
}

export async function describeScale(api: Ec2Api, target: Target, opts: ScaleOptions, population = new ScalePopulation(api)): Promise<ScaleResult> {
  const random = rng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const levels: ScaleLevel[] = [];
  const log = opts.onProgress ?? (() => undefined);
  const serverPid = target.sharesProcess ? undefined : target.pid;

  for (const rawM of [...opts.levels].sort((a, b) => a - b)) {
    const m = Math.ceil(rawM / SHARD) * SHARD;
    const mismatches: string[] = [];
    let populate: ScaleLevel['populate'];
    if (population.size < m) {
      log(`describe-scale: creating interfaces ${population.size} -> ${m}`);
      const rec = new Recorder();
      const meter = new CpuMeter(serverPid);
      const created = await population.growTo(m, opts.concurrency, rec);
      const cpu = meter.read();
      const s = summarize(rec.samples.get('CreateNetworkInterface') ?? [], cpu.wallMs);
      populate = {
        created,
        wallMs: cpu.wallMs,
        opsPerSec: s.opsPerSec ?? 0,
        p50Ms: s.p50Ms,
        p99Ms: s.p99Ms,
        serverCpuPct: cpu.serverCpuPct,
        clientCpuPct: cpu.clientCpuPct,
        serverCpuMsPerCall: cpu.serverCpuMs !== undefined ? cpu.serverCpuMs / created : undefined,
      };
    } else {
      populate = { created: 0, wallMs: 0, opsPerSec: 0, p50Ms: NaN, p99Ms: NaN, clientCpuPct: 0 };
    }
    const memory: ScaleLevel['memory'] = { afterCreateMB: target.memory()?.rssMB };
    log(`describe-scale: M=${m}: queries`);

    const shards = Math.floor(m / SHARD);
    const kinds: Array<{ name: string; n: number; run: () => Promise<void> }> = [
      {
        name: 'by-id',
        n: opts.samples,
        run: async () => {
          const id = pick(population.eniIds);
          const page = await api.describeNetworkInterfaces({ ids: [id] });
          if (page.count !== 1 || page.ids[0] !== id) mismatches.push(`by-id ${id}: ${page.count} results`);
        },
      },
      {
        name: 'by-subnet',
        n: opts.samples,
        run: async () => {
          const subnet = pick(population.probeSubnets);
          const page = await api.describeNetworkInterfaces({ filters: [{ name: 'subnet-id', values: [subnet] }] });
          if (page.count !== PROBE) mismatches.push(`by-subnet ${subnet}: ${page.count} results`);
        },
      },
      {
        name: 'by-tag',
        n: opts.samples,
        run: async () => {
          const shard = `s${Math.floor(random() * shards)}`;
          const page = await api.describeNetworkInterfaces({ filters: [{ name: 'tag:shard', values: [shard] }] });
          if (page.count !== SHARD) mismatches.push(`by-tag ${shard}: ${page.count} results`);
        },
      },
      {
        name: 'by-tag-glob',
        n: opts.globSamples,
        run: async () => {
          const i = Math.floor(random() * population.size);
          const page = await api.describeNetworkInterfaces({ filters: [{ name: 'tag:Name', values: [`*-eni-${i}`] }] });
          if (page.count !== 1) mismatches.push(`by-tag-glob ${i}: ${page.count} results`);
        },
      },
    ];
    if (population.ipv6Probes.length > 0) {
      kinds.push(
        {
          name: 'by-ipv6',
          n: opts.samples,
          run: async () => {
            const { address } = pick(population.ipv6Probes);
            const page = await api.describeNetworkInterfaces({ filters: [{ name: 'ipv6-addresses.ipv6-address', values: [address] }] });
            if (page.count !== 1) mismatches.push(`by-ipv6 ${address}: ${page.count} results`);
          },
        },
        {
          name: 'by-ipv6-prefix',
          n: opts.samples,
          run: async () => {
            const { prefix } = pick(population.ipv6Probes);
            const page = await api.describeNetworkInterfaces({ filters: [{ name: 'ipv6-prefixes.ipv6-prefix', values: [prefix] }] });
            if (page.count !== 1) mismatches.push(`by-ipv6-prefix ${prefix}: ${page.count} results`);
          },
        },
      );
    }
    const rec = new Recorder();
    for (const kind of kinds) {
      if (kind.name === 'by-tag-glob') memory.afterIndexedQueriesMB = target.memory()?.rssMB;
      // warm-up (statement cache, JIT), at most 10 calls and 10 s
      for (let w = 0, w0 = performance.now(); w < Math.min(10, kind.n) && performance.now() - w0 < 10_000; w++) await kind.run();
      let spent = 0;
      for (let q = 0; q < kind.n; q++) {
        const t0 = performance.now();
        await kind.run();
        const ms = performance.now() - t0;
        rec.add(kind.name, ms);
        spent += ms;
        if (spent > 60_000) break; // bounded: at most a minute per query kind and level
      }
    }

    memory.afterGlobMB = target.memory()?.rssMB;
    log(`describe-scale: M=${m}: full listing`);
    const listingMeter = new CpuMeter(serverPid);
    const runsMs: number[] = [];
    let pages = 0;
    let count = 0;
    for (let r = 0; r < opts.listingRuns; r++) {
      const t0 = performance.now();
      let token: string | undefined;
      pages = 0;
      count = 0;
      do {
        const page = await api.describeNetworkInterfaces({ maxResults: 1000, nextToken: token });
        pages++;
        count += page.count;
        token = page.nextToken;
      } while (token && pages < 10_000);
      runsMs.push(performance.now() - t0);
    }
    const listingCpu = listingMeter.read().serverCpuMs;
    const vpcId = population.bulkVpcs[0];
    const v0 = performance.now();
    let vpcPages = 0;
    let vpcCount = 0;
    let vpcToken: string | undefined;
    do {
      const page = await api.describeNetworkInterfaces({ filters: [{ name: 'vpc-id', values: [vpcId] }], maxResults: 1000, nextToken: vpcToken });
      vpcPages++;
      vpcCount += page.count;
      vpcToken = page.nextToken;
    } while (vpcToken && vpcPages < 10_000);
    const vpcListing = { ms: performance.now() - v0, pages: vpcPages, count: vpcCount };
    const expectedInVpc = population.bulkInVpc(0);
    if (vpcCount !== expectedInVpc) mismatches.push(`vpc-listing: ${vpcCount} interfaces, expected ${expectedInVpc}`);
    if (count !== population.size) mismatches.push(`listing: ${count} interfaces, expected ${population.size}`);
    const memAfter = target.memory();
    memory.afterListingMB = memAfter?.rssMB;
    const readings = Object.values(memory).filter((x): x is number => x !== undefined);
    levels.push({
      m,
      populate,
      queries: rec.summaries(),
      listing: { runsMs, bestMs: Math.min(...runsMs), pages, count, serverCpuMs: listingCpu !== undefined ? listingCpu / opts.listingRuns : undefined },
      vpcListing,
      memory,
      memoryDetail: target.memoryDetail?.(),
      rssMB: readings.length ? Math.max(...readings) : undefined,
      peakRssMB: memAfter?.peakRssMB,
      mismatches: mismatches.slice(0, 20),
    });
  }
  return { client: api.kind, levels, ...growth(levels), ok: levels.every((l) => l.mismatches.length === 0) };
}

/** Growth exponents of the p50s (and of the listing time) between consecutive levels, and between the last two. */
export function growth(levels: ScaleLevel[]): Pick<ScaleResult, 'growthExponent' | 'growthByStep' | 'growthFit' | 'marginalMsPer10k'> {
  const step = (a: ScaleLevel, b: ScaleLevel) => {
    const out: Record<string, number> = {};
    for (const k of Object.keys(b.queries)) {
      const pa = a.queries[k]?.p50Ms;
      const pb = b.queries[k]?.p50Ms;
      if (pa && pb) out[k] = Math.log(pb / pa) / Math.log(b.m / a.m);
    }
    out.listing = Math.log(b.listing.bestMs / a.listing.bestMs) / Math.log(b.m / a.m);
    return out;
  };
  const growthByStep: Record<string, Record<string, number>> = {};
  for (let i = 1; i < levels.length; i++) growthByStep[`${levels[i - 1].m}->${levels[i].m}`] = step(levels[i - 1], levels[i]);
  const growthExponent = levels.length >= 2 ? step(levels[levels.length - 2], levels[levels.length - 1]) : {};
  const growthFit: Record<string, number> = {};
  const marginalMsPer10k: Record<string, number> = {};
  if (levels.length >= 2) {
    const last = levels[levels.length - 1];
    const prev = levels[levels.length - 2];
    const series = (k: string) => levels.map((l) => (k === 'listing' ? l.listing.bestMs : l.queries[k]?.p50Ms));
    for (const k of [...Object.keys(last.queries), 'listing']) {
      const ys = series(k);
      if (ys.some((y) => y === undefined || !Number.isFinite(y))) continue;
      const ps = ys as number[];
      marginalMsPer10k[k] = ((ps[ps.length - 1] - ps[ps.length - 2]) / (last.m - prev.m)) * 10_000;
      if (levels.length >= 3) growthFit[k] = fitExponent(levels.map((l) => l.m), ps);
    }
  }
  return { growthExponent, growthByStep, growthFit, marginalMsPer10k };
}

/** k in [0, 2] minimising the squared error of y = a + b·x^k with b >= 0; 0 when y hardly grows. */
function fitExponent(xs: number[], ys: number[]): number {
  const rise = ys[ys.length - 1] - ys[0];
  if (rise < Math.max(0.5, 0.2 * ys[0])) return 0; // within noise of flat (less than 0.5 ms or 20 %)
  let best = { k: 0, sse: Infinity };
  for (let k = 0.01; k <= 2.0001; k += 0.01) {
    const x = xs.map((v) => Math.pow(v / xs[0], k));
    const mx = x.reduce((s, v) => s + v, 0) / x.length;
    const my = ys.reduce((s, v) => s + v, 0) / ys.length;
    let cov = 0;
    let varx = 0;
    for (let i = 0; i < x.length; i++) {
      cov += (x[i] - mx) * (ys[i] - my);
      varx += (x[i] - mx) ** 2;
    }
    const b = varx > 0 ? cov / varx : 0;
    if (b < 0) continue;
    const a = my - b * mx;
    let sse = 0;
    for (let i = 0; i < x.length; i++) sse += (ys[i] - a - b * x[i]) ** 2;
    if (sse < best.sse - 1e-12) best = { k, sse };
  }
  return Math.round(best.k * 100) / 100;
}
