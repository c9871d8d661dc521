/**
 * Network cards through the SDK v3 (RunInstances NetworkInterface.N.NetworkCardIndex, AttachNetworkInterface
 * NetworkCardIndex): the card must exist on the type, device indexes are unique per card (device index 0 may be
 * used on every card; the primary is device 0 of card 0), each card takes at most its NetworkInfo.NetworkCards
 * limit, DescribeInstances / DescribeNetworkInterfaces show each attachment's card, and the operator's ENI limit
 * (ModifyInstanceTypeAttribute) is the total and card 0's limit.
 * Types: p4d.24xlarge (4 cards × 15 interfaces), hpc7a.12xlarge (2 cards × 2, 4 in all), m5.large (1 card).
 */
import {
  AttachNetworkInterfaceCommand,
  AttachNetworkInterfaceCommandInput,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
  InstanceNetworkInterfaceSpecification,
  RunInstancesCommand,
  RunInstancesCommandInput,
  _InstanceType,
} from '@aws-sdk/client-ec2';
import { createEni, launch, launchRunning } from '../helpers/api';
import { AMI, createNetwork, describeInstance, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, rawQuery, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000 });
});
afterAll(() => t.close());
beforeEach(async () => {
  net = await createNetwork(t.ec2);
});
afterEach(async () => {
  await rawQuery(t.url, { Action: 'ModifyInstanceTypeAttribute', Version: '2016-11-15', Name: 'hpc7a.12xlarge', Reset: 'true' });
});

const nic = (card: number | undefined, device: number): InstanceNetworkInterfaceSpecification => ({
  DeviceIndex: device,
  SubnetId: net.subnetA1,
  ...(card === undefined ? {} : { NetworkCardIndex: card }),
});
const run = (type: string, nics: InstanceNetworkInterfaceSpecification[], more: Partial<RunInstancesCommandInput> = {}) =>
  t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: type as _InstanceType, NetworkInterfaces: nics, ...more }));
const attach = (input: Partial<AttachNetworkInterfaceCommandInput>) =>
  t.ec2.send(new AttachNetworkInterfaceCommand({ DeviceIndex: 1, ...input } as AttachNetworkInterfaceCommandInput));

const badCard = (n: number) => ({ code: 'InvalidParameterValue', message: `Value (${n}) for parameter networkCardIndex is invalid.` });
const cardLimit = (n: number, type: string, card: number) => ({
  code: 'AttachmentLimitExceeded',
  message: `Interface count ${n} exceeds the limit for ${type} (networkCard index ${card})`,
});
const taken = (i: string, index: number) => ({
  code: 'InvalidParameterValue',
  message: `Instance '${i}' already has an interface attached at device index '${index}'.`,
});

/** (card, device index) of every interface of an instance, as DescribeInstances shows them, sorted. */
async function slots(instanceId: string): Promise<Array<[number, number]>> {
  const i = await describeInstance(t.ec2, instanceId);
  return i.NetworkInterfaces!.map((n) => [n.Attachment!.NetworkCardIndex!, n.Attachment!.DeviceIndex!] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('RunInstances', () => {
  it('interfaces on several cards, device index 0 on each; both Describe calls and the card filter show the card', async () => {
    const out = await run('p4d.24xlarge', [nic(0, 0), nic(0, 1), nic(1, 0), nic(3, 0), nic(3, 1)]);
    const id = out.Instances![0].InstanceId!;
    expect(out.Instances![0].NetworkInterfaces!.map((n) => n.Attachment!.NetworkCardIndex)).toEqual([0, 0, 1, 3, 3]);
    expect(await slots(id)).toEqual([[0, 0], [0, 1], [1, 0], [3, 0], [3, 1]]);
    const instance = await describeInstance(t.ec2, id);
    // the instance's own address and subnet come from device 0 of card 0
    const primary = instance.NetworkInterfaces!.find((n) => n.Attachment!.NetworkCardIndex === 0 && n.Attachment!.DeviceIndex === 0)!;
    expect(instance.PrivateIpAddress).toBe(primary.PrivateIpAddress);
    const onCard1 = instance.NetworkInterfaces!.find((n) => n.Attachment!.NetworkCardIndex === 1)!;
    expect((await describeInterface(t.ec2, onCard1.NetworkInterfaceId!)).Attachment).toMatchObject({ InstanceId: id, DeviceIndex: 0, NetworkCardIndex: 1 });
    const filtered = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'attachment.network-card-index', Values: ['1', '3'] }] }));
    expect(filtered.NetworkInterfaces!.map((n) => n.Attachment!.NetworkCardIndex).sort()).toEqual([1, 3, 3]);
    const byCard = async (card: string) =>
      (await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'network-interface.attachment.network-card-index', Values: [card] }] })))
        .Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId));
    expect(await byCard('3')).toEqual([id]);
    expect(await byCard('2')).toEqual([]);
  });

  it('a card the type does not have: InvalidParameterValue, nothing launched', async () => {
    await expectEc2Error(run('m5.large', [nic(0, 0), nic(1, 1)]), badCard(1));
    await expectEc2Error(run('p4d.24xlarge', [nic(0, 0), nic(4, 0)]), badCard(4));
    await expectEc2Error(run('p4d.24xlarge', [nic(0, 0), nic(-1, 1)]), badCard(-1));
    expect((await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [net.subnetA1] }] }))).NetworkInterfaces).toEqual([]);
  });

  it('device indexes are unique per card; the primary must be device 0 of card 0', async () => {
    await expectEc2Error(run('p4d.24xlarge', [nic(0, 0), nic(1, 1), nic(1, 1)]), {
      code: 'InvalidParameterValue',
      message: 'Each network interface requires a unique device index. Duplicate: 1.',
    });
    // a missing NetworkCardIndex is card 0
    await expectEc2Error(run('p4d.24xlarge', [nic(0, 0), nic(undefined, 0)]), {
      code: 'InvalidParameterValue',
      message: 'Each network interface requires a unique device index. Duplicate: 0.',
    });
    await expectEc2Error(run('p4d.24xlarge', [nic(1, 0), nic(0, 1)]), {
      code: 'InvalidParameterValue',
      message: 'When specifying network interfaces, you must include a device at index 0',
    });
  });

  it("a card's own limit: AttachmentLimitExceeded naming the card, after the type's total", async () => {
    // hpc7a.12xlarge: 4 interfaces, 2 per card
    await expectEc2Error(run('hpc7a.12xlarge', [nic(0, 0), nic(0, 1), nic(0, 2)]), cardLimit(3, 'hpc7a.12xlarge', 0));
    await expectEc2Error(run('hpc7a.12xlarge', [nic(0, 0), nic(1, 0), nic(1, 1), nic(1, 2)]), cardLimit(3, 'hpc7a.12xlarge', 1));
    await expectEc2Error(run('hpc7a.12xlarge', [nic(0, 0), nic(0, 1), nic(1, 0), nic(1, 1), nic(1, 2)]), {
      code: 'AttachmentLimitExceeded',
      message: 'Interface count 5 exceeds the limit for hpc7a.12xlarge',
    });
    const ok = await run('hpc7a.12xlarge', [nic(0, 0), nic(0, 1), nic(1, 0), nic(1, 1)]);
    expect(await slots(ok.Instances![0].InstanceId!)).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });
});

describe('AttachNetworkInterface', () => {
  it('attaches at device index 0 of another card; device indexes are taken per card', async () => {
    const i = await launchRunning(t, net, { InstanceType: 'p4d.24xlarge' });
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => createEni(t.ec2, net.subnetA1)));
    const out = await attach({ NetworkInterfaceId: a.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 0, NetworkCardIndex: 2 });
    expect(out.NetworkCardIndex).toBe(2);
    expect((await describeInterface(t.ec2, a.NetworkInterfaceId!)).Attachment).toMatchObject({ DeviceIndex: 0, NetworkCardIndex: 2 });
    await expectEc2Error(attach({ NetworkInterfaceId: b.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 0, NetworkCardIndex: 2 }), taken(i.InstanceId!, 0));
    // the primary holds device 0 of card 0 (NetworkCardIndex omitted = card 0)
    await expectEc2Error(attach({ NetworkInterfaceId: b.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 0 }), taken(i.InstanceId!, 0));
    // device 1 is free on card 0 and on card 2 alike
    await attach({ NetworkInterfaceId: b.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1, NetworkCardIndex: 2 });
    const last = await attach({ NetworkInterfaceId: c.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 });
    expect(last.NetworkCardIndex).toBe(0);
    t.advance(1000);
    expect(await slots(i.InstanceId!)).toEqual([[0, 0], [0, 1], [2, 0], [2, 1]]);
    // device 0 of card 2 is not the primary: it detaches
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: out.AttachmentId }));
    t.advance(1000);
    expect(await slots(i.InstanceId!)).toEqual([[0, 0], [0, 1], [2, 1]]);
  });

  it('a card the type does not have; checked after the device index range and before the index taken', async () => {
    const i = await launchRunning(t, net, { InstanceType: 'p4d.24xlarge' });
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, NetworkCardIndex: 4 }), badCard(4));
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, NetworkCardIndex: -1 }), badCard(-1));
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 64, NetworkCardIndex: 4 }), {
      code: 'InvalidParameterValue',
      message: 'Value (64) for parameter deviceIndex is invalid.',
    });
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 0, NetworkCardIndex: 4 }), badCard(4));
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Status).toBe('available');
  });

  it("a card's own limit, after the zone and VPC checks and the type's total, before the instance state", async () => {
    const i = await launchRunning(t, net, { InstanceType: 'hpc7a.12xlarge', NetworkInterfaces: [nic(0, 0), nic(0, 1)] });
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(attach({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 }), cardLimit(3, 'hpc7a.12xlarge', 0));
    const inZoneB = await createEni(t.ec2, net.subnetB);
    await expectEc2Error(attach({ NetworkInterfaceId: inZoneB.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2 }), {
      code: 'InvalidParameterValue',
      message: 'Network interface zone invalid for instance',
    });
    // card 1 has room: two there, then it is full too, and so is the instance
    const [c1, c2, c3] = await Promise.all([0, 1, 2].map(() => createEni(t.ec2, net.subnetA1)));
    await attach({ NetworkInterfaceId: c1.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 0, NetworkCardIndex: 1 });
    await attach({ NetworkInterfaceId: c2.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1, NetworkCardIndex: 1 });
    await expectEc2Error(attach({ NetworkInterfaceId: c3.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 2, NetworkCardIndex: 1 }), {
      code: 'AttachmentLimitExceeded',
      message: 'Interface count 5 exceeds the limit for hpc7a.12xlarge',
    });
    // a pending instance whose card is full: the limit is reported, not the state
    const pending = await launch(t, net, { InstanceType: 'hpc7a.12xlarge', NetworkInterfaces: [nic(0, 0), nic(0, 1)] });
    expect((await describeInstance(t.ec2, pending.InstanceId!)).State!.Name).toBe('pending');
    await expectEc2Error(attach({ NetworkInterfaceId: c3.NetworkInterfaceId, InstanceId: pending.InstanceId, DeviceIndex: 2 }), cardLimit(3, 'hpc7a.12xlarge', 0));
    await expectEc2Error(attach({ NetworkInterfaceId: c3.NetworkInterfaceId, InstanceId: pending.InstanceId, DeviceIndex: 0, NetworkCardIndex: 1 }), {
      code: 'IncorrectState',
      message: `Instance '${pending.InstanceId}' is not 'running' or 'stopped'`,
    });
  });
});

describe("the operator's ENI limit", () => {
  const modify = (name: string, n: number) =>
    rawQuery(t.url, { Action: 'ModifyInstanceTypeAttribute', Version: '2016-11-15', Name: name, NetworkInterfaces: String(n) });
  const cards = async (type: string) => {
    const [info] = (await t.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: [type as _InstanceType] }))).InstanceTypes!;
    return { total: info.NetworkInfo!.MaximumNetworkInterfaces, cards: info.NetworkInfo!.NetworkCards!.map((c) => c.MaximumNetworkInterfaces) };
  };

  it('is the total and card 0’s limit; the other cards keep theirs, never above the total', async () => {
    expect(await cards('hpc7a.12xlarge')).toEqual({ total: 4, cards: [2, 2] });
    expect((await modify('hpc7a.12xlarge', 6)).status).toBe(200);
    expect(await cards('hpc7a.12xlarge')).toEqual({ total: 6, cards: [6, 2] });
    const five = await run('hpc7a.12xlarge', [0, 1, 2, 3, 4].map((d) => nic(0, d)));
    expect(await slots(five.Instances![0].InstanceId!)).toEqual([0, 1, 2, 3, 4].map((d) => [0, d]));
    await expectEc2Error(run('hpc7a.12xlarge', [nic(0, 0), nic(1, 0), nic(1, 1), nic(1, 2)]), cardLimit(3, 'hpc7a.12xlarge', 1));

    expect((await modify('hpc7a.12xlarge', 1)).status).toBe(200);
    expect(await cards('hpc7a.12xlarge')).toEqual({ total: 1, cards: [1, 1] });
    await expectEc2Error(run('hpc7a.12xlarge', [nic(0, 0), nic(1, 0)]), {
      code: 'AttachmentLimitExceeded',
      message: 'Interface count 2 exceeds the limit for hpc7a.12xlarge',
    });
  });
});
