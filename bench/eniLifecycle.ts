/**
 * eni-lifecycle: N instances, C at a time. Each unit of work is what a multi-NIC user does:
 *
 *   RunInstances (m5.xlarge, 3 NICs: eth0 in A1, eth1 in A2 with 1 secondary address, eth2 in A1 with
 *     DeleteOnTermination=false)             -> DescribeInstances until running
 *   CreateNetworkInterface x2 (e1 in A2, e2 in A1)
 *   AttachNetworkInterface e1 at index 3 -> DetachNetworkInterface -> DescribeNetworkInterfaces until available
 *     -> DeleteNetworkInterface e1
 *   AttachNetworkInterface e2 at index 3 -> ModifyNetworkInterfaceAttribute DeleteOnTermination=true on it
 *   TerminateInstances                    -> DescribeInstances until terminated
 *   DeleteNetworkInterface eth2 (its attachment was not delete-on-termination, so it survives as available)
 *
 * 13 calls per instance when no wait needs a second poll. ops/s counts every call in the timed window.
 * At the end (not timed): every instance terminated; no interface of a delete-on-termination attachment (eth0,
 * eth1, e2) exists; no interface at all is left in the VPC; each subnet's AvailableIpAddressCount is back to its
 * start value; and no address was ever handed out while the client still held it.
 */
import { ApiError, Ec2Api } from './api';
import { CpuMeter, Recorder, summarize, Summary } from './stats';

interface LifecycleOptions {
  instances: number;
  concurrency: number;
  /** Polls of a wait before the unit fails. */
  pollLimit: number;
  /** Server pid for its CPU reading. */
  serverPid?: number;
  /** Second octet of the VPC's 10.x.0.0/16 (lets repeated runs against one endpoint avoid confusion). */
  vpcOctet?: number;
}

interface LifecycleCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface LifecycleResult {
  /** Which run on this server (1 = the first after it started; later runs follow a reset), of how many. */
  run?: number;
  runs?: number;
  instances: number;
  concurrency: number;
  client: string;
  calls: number;
  wallMs: number;
  opsPerSec: number;
  instancesPerSec: number;
  clientCpuPct: number;
  serverCpuPct?: number;
  /**
   * Server CPU time per call (ms; user + system from /proc, 10 ms ticks): robust against other load on the
   * machine, unlike wall-clock rates. 1000 / this = the calls/s one server core could sustain.
   */
  serverCpuMsPerCall?: number;
  clientCpuMsPerCall: number;
  perAction: Record<string, Summary>;
  /** p50 of each action over the first and the last fifth of its calls: does the cost drift as state accumulates? */
  drift: Record<string, { firstP50Ms: number; lastP50Ms: number }>;
  all: Summary;
  failedUnits: number;
  errors: Record<string, number>;
  checks: LifecycleCheck[];
  ok: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function eniLifecycle(api: Ec2Api, opts: LifecycleOptions): Promise<LifecycleResult> {
  const octet = opts.vpcOctet ?? 0;
  // --- set-up (not timed)
  const vpcId = await api.createVpc(`10.${octet}.0.0/16`);
  const subnetA1 = await api.createSubnet(vpcId, `10.${octet}.1.0/24`, 'us-east-1a');
  const subnetA2 = await api.createSubnet(vpcId, `10.${octet}.2.0/24`, 'us-east-1a');
  const startA1 = await api.availableIps(subnetA1);
  const startA2 = await api.availableIps(subnetA2);

  const rec = new Recorder();
  const errors: Record<string, number> = {};
  const instanceIds: string[] = [];
  const dotEnis: string[] = [];
  const liveIps = new Map<string, string>();
  let doubleAllocations = 0;
  const doubleSamples: string[] = [];
  let failedUnits = 0;

  const hold = (eniId: string, ips: string[]) => {
    for (const ip of ips) {
      const holder = liveIps.get(ip);
      if (holder !== undefined) {
        doubleAllocations++;
        if (doubleSamples.length < 5) doubleSamples.push(`${ip} given to ${eniId} while ${holder} holds it`);
      }
      liveIps.set(ip, eniId);
    }
  };
  const releaseIps = (eniId: string) => {
    for (const [ip, holder] of liveIps) if (holder === eniId) liveIps.delete(ip);
  };

  const waitInstance = async (id: string, state: string) => {
    for (let i = 0; i < opts.pollLimit; i++) {
      const s = (await rec.time('DescribeInstances', () => api.instanceStates([id]))).get(id);
      if (s === state) return;
      await sleep(Math.min(50, 2 * (i + 1)));
    }
    throw new Error(`instance ${id} not ${state} after ${opts.pollLimit} polls`);
  };
  const waitEni = async (id: string, status: string) => {
    for (let i = 0; i < opts.pollLimit; i++) {
      if ((await rec.time('DescribeNetworkInterfaces', () => api.eniStatus(id))) === status) return;
      await sleep(Math.min(50, 2 * (i + 1)));
    }
    throw new Error(`interface ${id} not ${status} after ${opts.pollLimit} polls`);
  };

  const unit = async () => {
    const launched = await rec.time('RunInstances', () =>
      api.runInstance('m5.xlarge', [
        { deviceIndex: 0, subnetId: subnetA1 },
        { deviceIndex: 1, subnetId: subnetA2, secondaryCount: 1 },
        { deviceIndex: 2, subnetId: subnetA1, deleteOnTermination: false },
      ]),
    );
    instanceIds.push(launched.instanceId);
    const byIndex = new Map(launched.nics.map((n) => [n.deviceIndex, n]));
    const [eth0, eth1, eth2] = [0, 1, 2].map((i) => byIndex.get(i));
    if (!eth0 || !eth1 || !eth2 || launched.nics.length !== 3) throw new Error(`RunInstances returned ${launched.nics.length} interfaces`);
    for (const n of launched.nics) hold(n.eniId, n.ips);
    dotEnis.push(eth0.eniId, eth1.eniId);
    await waitInstance(launched.instanceId, 'running');

    const e1 = await rec.time('CreateNetworkInterface', () => api.createNetworkInterface(subnetA2));
    hold(e1.eniId, [e1.ip]);
    const e2 = await rec.time('CreateNetworkInterface', () => api.createNetworkInterface(subnetA1));
    hold(e2.eniId, [e2.ip]);

    const a1 = await rec.time('AttachNetworkInterface', () => api.attach(e1.eniId, launched.instanceId, 3));
    await rec.time('DetachNetworkInterface', () => api.detach(a1));
    await waitEni(e1.eniId, 'available');
    releaseIps(e1.eniId);
    await rec.time('DeleteNetworkInterface', () => api.deleteNetworkInterface(e1.eniId));

    const a2 = await rec.time('AttachNetworkInterface', () => api.attach(e2.eniId, launched.instanceId, 3));
    await rec.time('ModifyNetworkInterfaceAttribute', () => api.setDeleteOnTermination(e2.eniId, a2, true));
    dotEnis.push(e2.eniId);

    for (const id of [eth0.eniId, eth1.eniId, e2.eniId]) releaseIps(id);
    await rec.time('TerminateInstances', () => api.terminate(launched.instanceId));
    await waitInstance(launched.instanceId, 'terminated');
    releaseIps(eth2.eniId);
    await rec.time('DeleteNetworkInterface', () => api.deleteNetworkInterface(eth2.eniId));
  };

  // --- timed phase
  let next = 0;
  const meter = new CpuMeter(opts.serverPid);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.instances) {
        next++;
        try {
          await unit();
        } catch (e) {
          failedUnits++;
          const key = e instanceof ApiError ? e.code : (e as Error).message.slice(0, 80);
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const cpu = meter.read();

  // --- correctness (not timed)
  const checks: LifecycleCheck[] = [];
  const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

  const notTerminated: string[] = [];
  let seenInstances = 0;
  for (const chunk of chunks(instanceIds, 100)) {
    const states = await api.instanceStates(chunk);
    seenInstances += states.size;
    for (const id of chunk) if (states.get(id) !== 'terminated') notTerminated.push(`${id}=${states.get(id) ?? 'missing'}`);
  }
  checks.push({
    name: 'every instance terminated',
    ok: notTerminated.length === 0 && instanceIds.length === opts.instances,
    detail: `${instanceIds.length} launched, ${seenInstances} visible, not terminated: ${notTerminated.length}${notTerminated.length ? ` (${notTerminated.slice(0, 3).join(', ')})` : ''}`,
  });

  let dotSurvivors: string[] = [];
  for (const chunk of chunks(dotEnis, 100)) {
    const page = await api.describeNetworkInterfaces({ filters: [{ name: 'network-interface-id', values: chunk }] });
    dotSurvivors = dotSurvivors.concat(page.ids);
  }
  checks.push({
    name: 'no interface of a delete-on-termination attachment survives',
    ok: dotSurvivors.length === 0,
    detail: `${dotEnis.length} DOT interfaces, ${dotSurvivors.length} still exist${dotSurvivors.length ? ` (${dotSurvivors.slice(0, 3).join(', ')})` : ''}`,
  });

  let left = 0;
  let token: string | undefined;
  do {
    const page = await api.describeNetworkInterfaces({ filters: [{ name: 'vpc-id', values: [vpcId] }], maxResults: 1000, nextToken: token });
    left += page.count;
    token = page.nextToken;
  } while (token);
  checks.push({ name: 'no interface left in the VPC', ok: left === 0, detail: `${left} left` });

  const endA1 = await api.availableIps(subnetA1);
  const endA2 = await api.availableIps(subnetA2);
  checks.push({
    name: 'every address returned (AvailableIpAddressCount back to start)',
    ok: endA1 === startA1 && endA2 === startA2,
    detail: `A1 ${startA1} -> ${endA1}, A2 ${startA2} -> ${endA2}`,
  });
  checks.push({
    name: 'no address handed out twice',
    ok: doubleAllocations === 0,
    detail: doubleAllocations === 0 ? 'none' : `${doubleAllocations}: ${doubleSamples.join('; ')}`,
  });
  checks.push({
    name: 'no unit failed',
    ok: failedUnits === 0,
    detail: failedUnits === 0 ? 'none' : `${failedUnits}: ${JSON.stringify(errors)}`,
  });

  const calls = rec.total;
  return {
    instances: opts.instances,
    concurrency: opts.concurrency,
    client: api.kind,
    calls,
    wallMs,
    opsPerSec: (calls * 1000) / wallMs,
    instancesPerSec: (opts.instances * 1000) / wallMs,
    clientCpuPct: cpu.clientCpuPct,
    serverCpuPct: cpu.serverCpuPct,
    serverCpuMsPerCall: cpu.serverCpuMs !== undefined ? cpu.serverCpuMs / calls : undefined,
    clientCpuMsPerCall: cpu.clientCpuMs / calls,
    perAction: rec.summaries(wallMs),
    drift: drift(rec),
    all: summarizeAll(rec, wallMs),
    failedUnits,
    errors,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

function drift(rec: Recorder): Record<string, { firstP50Ms: number; lastP50Ms: number }> {
  const out: Record<string, { firstP50Ms: number; lastP50Ms: number }> = {};
  for (const [label, s] of rec.samples) {
    const fifth = Math.floor(s.length / 5);
    if (fifth < 5) continue;
    out[label] = { firstP50Ms: summarize(s.slice(0, fifth)).p50Ms, lastP50Ms: summarize(s.slice(s.length - fifth)).p50Ms };
  }
  return out;
}

function summarizeAll(rec: Recorder, wallMs: number): Summary {
  return summarize(rec.all(), wallMs);
}
