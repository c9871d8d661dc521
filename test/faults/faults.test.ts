/**
 * The fault plan through real clients (SDK v3 with maxAttempts 1, so every injected fault is seen as is) and the
 * admin API: the minimum contract, throttling, eventual consistency, capacity, injected 5xx, slow and
 * stuck transitions, per-account scoping, determinism, and the request log.
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AttachNetworkInterfaceCommand,
  AttachVpnGatewayCommand,
  CreateVpnGatewayCommand,
  CreateTagsCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRegionsCommand,
  DescribeVpcsCommand,
  DescribeVpnGatewaysCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createLogger } from '../../src/logger';
import { Runtime } from '../../src/core/runtime';
import { listen } from '../../src/server/server';
import { createEni, launchRunning } from '../helpers/api';
import { AMI, createNetwork, runOne, TestNetwork } from '../helpers/network';
import { expectEc2Error, rawQuery, startTestServer, TestServer } from '../helpers/server';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const THROTTLED = { code: 'RequestLimitExceeded', message: 'Request limit exceeded.', status: 503 };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => t.runtime.reset());
afterAll(() => t.close());

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${t.url}/_ec2lite/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const counters = async (account: string) => (await admin('GET', `faults?account=${account}`)).json.accounts[account]?.counters;

describe('the minimum contract', () => {
  it("fails that account's next two DescribeInstances with 503 RequestLimitExceeded, and no other account's", async () => {
    const set = await admin('POST', 'faults', { account: ACCOUNT, rules: [{ action: 'DescribeInstances', error: 'RequestLimitExceeded', count: 2 }] });
    expect(set.status).toBe(200);
    const mine = t.client({ accessKeyId: ACCOUNT });
    const other = t.client({ accessKeyId: OTHER });
    await expectEc2Error(mine.send(new DescribeInstancesCommand({})), THROTTLED);
    await expect(other.send(new DescribeInstancesCommand({}))).resolves.toMatchObject({ Reservations: [] });
    await expectEc2Error(mine.send(new DescribeInstancesCommand({})), THROTTLED);
    await expect(mine.send(new DescribeInstancesCommand({}))).resolves.toMatchObject({ Reservations: [] });
    await expect(mine.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();

    const view = (await admin('GET', 'faults')).json;
    expect(view.plans).toEqual([expect.objectContaining({ account: ACCOUNT, rules: [{ action: 'DescribeInstances', error: 'RequestLimitExceeded', count: 2 }] })]);
    expect(view.accounts[ACCOUNT]).toMatchObject({
      plan: ACCOUNT,
      counters: { calls: { DescribeInstances: 3, DescribeVpcs: 1 }, injected: { DescribeInstances: { RequestLimitExceeded: 2 } } },
      rules: [{ action: 'DescribeInstances', injected: 2, remaining: 0 }],
    });
    expect(view.accounts[OTHER]).toBeUndefined();
  });

  it('the HTTP answer is what EC2 sends: 503 and the XML error envelope', async () => {
    await admin('POST', 'faults', { rules: [{ action: 'DescribeRegions', error: 'RequestLimitExceeded', count: 1 }] });
    const r = await rawQuery(t.url, { Action: 'DescribeRegions', Version: '2016-11-15' });
    expect(r).toMatchObject({ status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' });
    expect(r.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>RequestLimitExceeded<\/Code>/);
  });

  it('DELETE clears the plan; so does a reset', async () => {
    const rule = { action: 'DescribeRegions', error: 'InternalError', count: 5 };
    await admin('POST', 'faults', { account: ACCOUNT, rules: [rule] });
    await admin('POST', 'faults', { account: OTHER, rules: [rule] });
    expect((await admin('DELETE', `faults?account=${ACCOUNT}`)).json).toEqual({ cleared: [ACCOUNT] });
    await expect(t.client({ accessKeyId: ACCOUNT }).send(new DescribeRegionsCommand({}))).resolves.toBeDefined();
    await expectEc2Error(t.client({ accessKeyId: OTHER }).send(new DescribeRegionsCommand({})), {
      code: 'InternalError',
      message: 'An internal error has occurred',
      status: 500,
    });
    expect((await admin('POST', 'reset')).status).toBe(200);
    expect((await admin('GET', 'faults')).json).toEqual({ plans: [], accounts: {} });
    await expect(t.client({ accessKeyId: OTHER }).send(new DescribeRegionsCommand({}))).resolves.toBeDefined();
  });

  it('rejects an invalid plan with 400 and the field at fault', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ rules: [{ action: 'DescribeInstances', error: 'Boom' }] }, /rules\[0\]\.error must be one of RequestLimitExceeded, InternalError, Unavailable/],
      [{ account: '12', rules: [] }, /account must be 12 digits/],
      [{ rules: [{ action: 'DescribeVpcs', error: 'InternalError', rate: 2 }] }, /rules\[0\]\.rate must be between 0 and 1/],
      [{ rules: [{ action: 'DescribeInstance', error: 'InternalError' }] }, /rules\[0\]\.action: 'DescribeInstance' is not an action ec2lite serves/],
      [{ throttling: { buckets: { Mutating: { size: 1, refillPerSecond: 1 } } } }, /'Mutating' is neither a category/],
      [{ consistency: { delayMs: 10, resources: ['nope'] } }, /unknown id prefix 'nope'/],
      [{ throttling: { resources: { DescribeVpcs: { size: 1, refillPerSecond: 1 } } } }, /'DescribeVpcs' has no resource bucket/],
      [{ transitions: { stuck: ['running'] } }, /'running' is not one of pending/],
      [{ colour: 'red' }, /unknown field 'colour'/],
    ];
    for (const [plan, message] of cases) {
      const r = await admin('POST', 'faults', plan);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatch(message);
    }
    expect((await admin('GET', 'faults')).json.plans).toEqual([]);
  });
});

describe('injected failures', () => {
  it('InternalError is a 500 and Unavailable a 503 with EC2 texts; "*" matches every action', async () => {
    await admin('POST', 'faults', { rules: [{ action: '*', error: 'Unavailable', count: 1 }, { action: 'DescribeVpcs', error: 'InternalError', count: 1 }] });
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({})), {
      code: 'Unavailable',
      message: "The server is overloaded and can't handle the request.",
      status: 503,
    });
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({})), { code: 'InternalError', message: 'An internal error has occurred', status: 500 });
    await expect(t.ec2.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
  });

  it('a rate draws from the seeded source: the same plan and seed give the same faults, per account', async () => {
    const outcomes = async (account: string) => {
      const ec2 = t.client({ accessKeyId: account });
      const seen: string[] = [];
      for (let i = 0; i < 24; i++) seen.push(await ec2.send(new DescribeRegionsCommand({})).then(() => 'ok', (e) => e.name));
      return seen.join(' ');
    };
    const plan = { seed: 42, rules: [{ action: 'DescribeRegions', error: 'InternalError', rate: 0.5 }] };
    await admin('POST', 'faults', plan);
    const first = await outcomes(ACCOUNT);
    expect(first).toContain('ok');
    expect(first).toContain('InternalError');
    // Another account's traffic in between does not move this account's sequence.
    await admin('POST', 'faults', plan);
    await outcomes(OTHER);
    expect(await outcomes(ACCOUNT)).toBe(first);
    await admin('POST', 'faults', { ...plan, seed: 43 });
    expect(await outcomes(ACCOUNT)).not.toBe(first);
  });
});

describe('throttling', () => {
  it("uses AWS's buckets per action category, and refills on the clock", async () => {
    await admin('POST', 'faults', { throttling: true });
    await t.ec2.send(new DescribeVpcsCommand({}));
    await t.ec2.send(new DescribeInstancesCommand({}));
    await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }));
    await t.ec2.send(new CreateTagsCommand({ Resources: [(await t.ec2.send(new DescribeVpcsCommand({}))).Vpcs![0].VpcId!], Tags: [{ Key: 'a', Value: 'b' }] }));
    const buckets = (await admin('GET', 'faults')).json.accounts['123456789012'].buckets;
    expect(buckets).toEqual({
      'us-east-1/DescribeVpcs/non-mutating': { bucket: 'non-mutating', size: 100, refillPerSecond: 20, tokens: 98 },
      'us-east-1/DescribeInstances/unfiltered-non-mutating': { bucket: 'unfiltered-non-mutating', size: 50, refillPerSecond: 5, tokens: 49 },
      'us-east-1/DescribeInstances/non-mutating': { bucket: 'non-mutating', size: 100, refillPerSecond: 20, tokens: 99 },
      'us-east-1/CreateTags/mutating': { bucket: 'mutating', size: 50, refillPerSecond: 5, tokens: 49 },
    });
  });

  it('an overridden bucket throttles past its size, other actions and accounts keep theirs, and the clock refills it', async () => {
    await admin('POST', 'faults', { throttling: { buckets: { DescribeVpcs: { size: 2, refillPerSecond: 1 } } } });
    await t.ec2.send(new DescribeVpcsCommand({}));
    await t.ec2.send(new DescribeVpcsCommand({}));
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({})), THROTTLED);
    await expect(t.ec2.send(new DescribeRegionsCommand({}))).resolves.toBeDefined();
    await expect(t.client({ accessKeyId: OTHER }).send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
    t.advance(999);
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({})), THROTTLED);
    t.advance(1);
    await expect(t.ec2.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({})), THROTTLED);
    expect(await counters('123456789012')).toMatchObject({ calls: { DescribeVpcs: 6 }, injected: { DescribeVpcs: { RequestLimitExceeded: 3 } } });
  });

  it('RunInstances also draws one resource token per instance', async () => {
    const net = await createNetwork(t.ec2);
    await admin('POST', 'faults', { throttling: { resources: { RunInstances: { size: 3, refillPerSecond: 2 } } } });
    const run = (n: number) => t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: n, MaxCount: n, SubnetId: net.subnetA1 }));
    await run(2);
    await expectEc2Error(run(2), THROTTLED);
    await run(1);
    t.advance(1000);
    await run(2);
    const reservations = (await t.ec2.send(new DescribeInstancesCommand({}))).Reservations!;
    expect(reservations.map((r) => r.Instances!.length)).toEqual([2, 1, 2]);
  });
});

describe('eventual consistency', () => {
  let net: TestNetwork;
  beforeEach(async () => {
    net = await createNetwork(t.ec2);
    await admin('POST', 'faults', { consistency: { delayMs: 2000 } });
  });

  it('a new instance is not found by id, not listed, and cannot be tagged until the delay has passed', async () => {
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    const id = i.InstanceId!;
    const notFound = { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${id}' does not exist` };
    await expectEc2Error(t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })), notFound);
    expect((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    await expectEc2Error(t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'web' }] })), notFound);
    // Its interface too.
    const eni = i.NetworkInterfaces![0].NetworkInterfaceId!;
    await expectEc2Error(t.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] })), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${eni}' does not exist`,
    });
    // Several at once are listed together, as AWS lists missing ids.
    const j = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    await expectEc2Error(t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id, j.InstanceId!] })), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance IDs '${id}, ${j.InstanceId}' do not exist`,
    });
    t.advance(1999);
    await expectEc2Error(t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })), notFound);
    t.advance(1);
    expect((await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0].InstanceId).toBe(id);
    expect(await counters('123456789012')).toMatchObject({
      injected: { DescribeInstances: { 'InvalidInstanceID.NotFound': 3 }, CreateTags: { 'InvalidInstanceID.NotFound': 1 } },
      hidden: { DescribeInstances: 1 },
    });
  });

  it('a new VPN gateway is not found by id nor listed until the delay has passed', async () => {
    const vgw = (await t.ec2.send(new CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway!.VpnGatewayId!;
    const notFound = { code: 'InvalidVpnGatewayID.NotFound', message: `The vpnGateway ID '${vgw}' does not exist` };
    await expectEc2Error(t.ec2.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw] })), notFound);
    await expectEc2Error(t.ec2.send(new AttachVpnGatewayCommand({ VpnGatewayId: vgw, VpcId: net.vpcId })), notFound);
    expect((await t.ec2.send(new DescribeVpnGatewaysCommand({}))).VpnGateways!.map((g) => g.VpnGatewayId)).not.toContain(vgw);
    t.advance(2000);
    expect((await t.ec2.send(new DescribeVpnGatewaysCommand({ VpnGatewayIds: [vgw] }))).VpnGateways![0].VpnGatewayId).toBe(vgw);
  });

  it('a tag applied later lags the same way: not shown, not matched by a tag filter', async () => {
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    const id = i.InstanceId!;
    t.advance(2000);
    await t.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'web' }] }));
    const byTag = new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['web'] }] });
    expect((await t.ec2.send(byTag)).Reservations).toEqual([]);
    const seen = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];
    expect(seen.Tags ?? []).toEqual([]);
    t.advance(2000);
    expect((await t.ec2.send(byTag)).Reservations![0].Instances![0].Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
  });

  it('an Elastic IP lags too: not listed, and AssociateAddress answers InvalidAllocationID.NotFound', async () => {
    const instance = await runOne(t.ec2, {}); // the default VPC has an internet gateway
    t.advance(2000);
    const { AllocationId } = await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    expect((await t.ec2.send(new DescribeAddressesCommand({}))).Addresses).toEqual([]);
    await expectEc2Error(t.ec2.send(new AssociateAddressCommand({ AllocationId, InstanceId: instance.InstanceId })), {
      code: 'InvalidAllocationID.NotFound',
      message: `The allocation ID '${AllocationId}' does not exist`,
    });
    t.advance(2000);
    await t.ec2.send(new AssociateAddressCommand({ AllocationId, InstanceId: instance.InstanceId }));
    expect((await t.ec2.send(new DescribeAddressesCommand({}))).Addresses).toEqual([
      expect.objectContaining({ AllocationId, InstanceId: instance.InstanceId }),
    ]);
  });

  it('resources limits it to the id prefixes named', async () => {
    await admin('POST', 'faults', { consistency: { delayMs: 2000, resources: ['eni'] } });
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    await expect(t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [i.InstanceId!] }))).resolves.toBeDefined();
    expect((await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [net.subnetA1] }] }))).NetworkInterfaces).toEqual([]);
  });
});

describe('capacity', () => {
  it("answers InsufficientInstanceCapacity (500) with AWS's message for the type and zone, and launches nothing", async () => {
    const net = await createNetwork(t.ec2);
    await admin('POST', 'faults', { capacity: [{ instanceType: 'c5.large', zone: 'us-east-1a' }] });
    await expectEc2Error(runOne(t.ec2, { InstanceType: 'c5.large', SubnetId: net.subnetA1 }), {
      code: 'InsufficientInstanceCapacity',
      status: 500,
      message:
        'We currently do not have sufficient c5.large capacity in the Availability Zone you requested (us-east-1a). Our system will be ' +
        'working on provisioning additional capacity. You can currently get c5.large capacity by not specifying an Availability Zone ' +
        'in your request or choosing us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.',
    });
    expect((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    await expect(runOne(t.ec2, { InstanceType: 'c5.large', SubnetId: net.subnetB })).resolves.toBeDefined();
    await expect(runOne(t.ec2, { InstanceType: 't3.micro', SubnetId: net.subnetA1 })).resolves.toBeDefined();
    expect((await admin('GET', 'faults')).json.accounts['123456789012'].capacity).toEqual([{ instanceType: 'c5.large', zone: 'us-east-1a', injected: 1 }]);
  });
});

describe('back-end transitions', () => {
  it('take a seeded random time within the range', async () => {
    const net = await createNetwork(t.ec2);
    await admin('POST', 'faults', { seed: 5, transitions: { minMs: 1000, maxMs: 5000 } });
    const start = t.runtime.services.clock.now();
    const i = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    const due = t.runtime.backend.list().find((x) => x.resource_id === i.InstanceId)!.due_at - start;
    expect(due).toBeGreaterThanOrEqual(1000);
    expect(due).toBeLessThanOrEqual(5000);
    t.advance(due - 1);
    expect((await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [i.InstanceId!] }))).Reservations![0].Instances![0].State!.Name).toBe('pending');
    t.advance(1);
    expect((await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [i.InstanceId!] }))).Reservations![0].Instances![0].State!.Name).toBe('running');
  });

  it('a stuck attachment stays attaching however much time passes, until the back end is advanced', async () => {
    const net = await createNetwork(t.ec2);
    const instance = await launchRunning(t, net);
    await admin('POST', 'faults', { transitions: { stuck: ['attaching'] } });
    const eni = await createEni(t.ec2, net.subnetA1);
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: instance.InstanceId, DeviceIndex: 1 }));
    const status = async () =>
      (await t.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni.NetworkInterfaceId!] }))).NetworkInterfaces![0].Attachment!.Status;
    t.runtime.services.clock.advance(365 * 24 * 3600 * 1000);
    t.runtime.backend.applyDue();
    expect(await status()).toBe('attaching');
    expect((await admin('GET', 'backend')).json.transitions).toEqual([expect.objectContaining({ resourceId: expect.stringMatching(/^eni-attach-/), from: 'attaching', due: false })]);
    expect(await counters('123456789012')).toMatchObject({ transitions: { stuck: 1, delayed: 0 } });
    t.advance();
    expect(await status()).toBe('attached');
  });
});

describe('the request log', () => {
  it('logs every injected fault with "fault"', async () => {
    const lines: string[] = [];
    const runtime = new Runtime({ tickMs: 0, logLevel: 'info' }, { clock: 'manual', logger: createLogger('info', (line) => lines.push(line)) });
    const server = await listen(runtime, 0, '127.0.0.1');
    try {
      runtime.faults.set({ account: '*', rules: [{ action: 'DescribeVpcs', error: 'Unavailable', count: 1 }], capacity: [] });
      await rawQuery(server.url, { Action: 'DescribeVpcs', Version: '2016-11-15' });
      await rawQuery(server.url, { Action: 'DescribeVpcs', Version: '2016-11-15' });
      const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(requests).toEqual([
        expect.objectContaining({ action: 'DescribeVpcs', status: 503, code: 'Unavailable', fault: [{ kind: 'rule', rule: 0, code: 'Unavailable' }] }),
        expect.not.objectContaining({ fault: expect.anything() }),
      ]);
    } finally {
      await server.close();
      runtime.close();
    }
  });
});
