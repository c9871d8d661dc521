/**
 * DescribeInstances through the SDK v3: the filters users rely on (instance-state-name/code, instance-type,
 * subnet-id, vpc-id, private-ip-address, network-interface.*, availability-zone, image-id, tags, reservation-id…),
 * reservations, pagination that counts instances (a reservation may be split across pages), unknown ids and
 * filters, MaxResults rules, DryRun.
 */
import {
  AttachNetworkInterfaceCommand,
  CreateKeyPairCommand,
  DescribeInstancesCommand,
  DescribeInstancesCommandInput,
  DescribeSecurityGroupsCommand,
  Filter,
  Instance,
  paginateDescribeInstances,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, launch, MISSING } from '../helpers/api';
import { AMI, createNetwork, describeInstance, runOne, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
/** A: running, 2 NICs (A1 + A2, the second DOT false, tagged), tags, key, token; B: stopped t3.micro in A2, IMDSv2; C: pending in zone b, other AMI; D: terminated. */
let A: Instance;
let B: Instance;
let C: Instance;
let D: Instance;
let all: string[];
const OTHER_AMI = 'ami-0123456789abcdef0';
const TOKEN = 'describe-instances-token';

const describeIs = (input: DescribeInstancesCommandInput) => t.ec2.send(new DescribeInstancesCommand(input));
const flat = (out: { Reservations?: { Instances?: Instance[] }[] }) => out.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!));

beforeAll(async () => {
  t = await startTestServer({ pendingMs: 1000, stoppingMs: 1000, shuttingDownMs: 1000 });
  net = await createNetwork(t.ec2);
  await t.ec2.send(new CreateKeyPairCommand({ KeyName: 'kp' }));
  A = await launch(t, net, {
    KeyName: 'kp',
    ClientToken: TOKEN,
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2, DeleteOnTermination: false }],
    TagSpecifications: [
      { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'a' }] },
      { ResourceType: 'network-interface', Tags: [{ Key: 'nic', Value: 'a' }] },
    ],
  });
  B = await runOne(t.ec2, { InstanceType: 't3.micro', SubnetId: net.subnetA2, MetadataOptions: { HttpTokens: 'required' } });
  D = await launch(t, net);
  t.advance(1000);
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [B.InstanceId!] }));
  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [D.InstanceId!] }));
  t.advance(1000);
  C = await runOne(t.ec2, { ImageId: OTHER_AMI, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetB }] });
  all = [A, B, C, D].map((i) => i.InstanceId!);
  A = await describeInstance(t.ec2, A.InstanceId!);
});
afterAll(() => t.close());

/** Ids among A..D matching the filters (ids AND filters). */
async function matching(...filters: Filter[]): Promise<string[]> {
  return flat(await describeIs({ InstanceIds: all, Filters: filters })).sort();
}
const ids = (...xs: Instance[]) => xs.map((i) => i.InstanceId!).sort();
const f = (Name: string, ...Values: string[]): Filter => ({ Name, Values });
const secondary = () => A.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 1)!;

describe('behaviour: the instances as described', () => {
  it('states: running, stopped (with reason), pending, terminated (no interfaces left)', async () => {
    const out = await describeIs({ InstanceIds: all });
    const byId = new Map(out.Reservations!.flatMap((r) => r.Instances!).map((i) => [i.InstanceId, i]));
    expect(byId.get(A.InstanceId)!.State).toEqual({ Code: 16, Name: 'running' });
    const b = byId.get(B.InstanceId)!;
    expect(b.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(b.StateReason).toEqual({ Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' });
    expect(b.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
    expect(byId.get(C.InstanceId)!.State).toEqual({ Code: 0, Name: 'pending' });
    const d = byId.get(D.InstanceId)!;
    expect(d.State).toEqual({ Code: 48, Name: 'terminated' });
    expect(d.NetworkInterfaces).toEqual([]);
    expect(d.PrivateIpAddress).toBeUndefined();
  });

  it('reservations group the instances of one launch, with owner and empty group set', async () => {
    const out = await describeIs({ InstanceIds: [A.InstanceId!] });
    expect(out.Reservations).toHaveLength(1);
    expect(out.Reservations![0]).toMatchObject({ OwnerId: '123456789012', Groups: [] });
    expect(out.Reservations![0].ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
  });

  it('the interfaces inside an instance: InstanceNetworkInterface shape, primary first', async () => {
    expect(A).toMatchObject({ KeyName: 'kp', ClientToken: TOKEN, Tags: [{ Key: 'Name', Value: 'a' }], SubnetId: net.subnetA1, VpcId: net.vpcId });
    expect(A.NetworkInterfaces!.map((n) => [n.Attachment!.DeviceIndex, n.SubnetId, n.Attachment!.Status, n.Attachment!.DeleteOnTermination])).toEqual([
      [0, net.subnetA1, 'attached', true],
      [1, net.subnetA2, 'attached', false],
    ]);
    for (const n of A.NetworkInterfaces!) {
      expect(n).toMatchObject({ OwnerId: '123456789012', VpcId: net.vpcId, Status: 'in-use', SourceDestCheck: true, InterfaceType: 'interface' });
      expect(n.MacAddress).toMatch(/^02(:[0-9a-f]{2}){5}$/);
      expect(n.Attachment!.AttachmentId).toMatch(/^eni-attach-/);
    }
    expect(A.PrivateIpAddress).toBe(A.NetworkInterfaces![0].PrivateIpAddress);
  });

  it('an instance id listed twice is described once', async () => {
    expect(flat(await describeIs({ InstanceIds: [A.InstanceId!, A.InstanceId!] }))).toEqual([A.InstanceId]);
  });
});

describe('behaviour: filters', () => {
  const cases: Array<[string, () => Filter, () => Instance[]]> = [
    ['instance-id', () => f('instance-id', B.InstanceId!), () => [B]],
    ['instance-state-name=running', () => f('instance-state-name', 'running'), () => [A]],
    ['instance-state-name=stopped', () => f('instance-state-name', 'stopped'), () => [B]],
    ['instance-state-name=pending', () => f('instance-state-name', 'pending'), () => [C]],
    ['instance-state-name=terminated', () => f('instance-state-name', 'terminated'), () => [D]],
    ['instance-state-name, two values', () => f('instance-state-name', 'pending', 'stopped'), () => [B, C]],
    ['instance-state-code=80', () => f('instance-state-code', '80'), () => [B]],
    ['instance-type', () => f('instance-type', 't3.micro'), () => [B]],
    ['instance-type with a wildcard', () => f('instance-type', 'm5.*'), () => [A, C, D]],
    ['subnet-id (the primary interface only)', () => f('subnet-id', net.subnetA2), () => [B]],
    ['vpc-id (a terminated instance has none)', () => f('vpc-id', net.vpcId), () => [A, B, C]],
    ['private-ip-address: the primary address', () => f('private-ip-address', A.PrivateIpAddress!), () => [A]],
    ['private-ip-address: not a secondary interface address', () => f('private-ip-address', secondary().PrivateIpAddress!), () => []],
    ['private-dns-name', () => f('private-dns-name', A.PrivateDnsName!), () => [A]],
    ['availability-zone', () => f('availability-zone', 'us-east-1b'), () => [C]],
    ['image-id', () => f('image-id', OTHER_AMI), () => [C]],
    ['tag:Name', () => f('tag:Name', 'a'), () => [A]],
    ['tag-key', () => f('tag-key', 'Name'), () => [A]],
    ['key-name', () => f('key-name', 'kp'), () => [A]],
    ['client-token', () => f('client-token', TOKEN), () => [A]],
    ['launch-index', () => f('launch-index', '0'), () => [A, B, C, D]],
    ['metadata-options.http-tokens', () => f('metadata-options.http-tokens', 'required'), () => [B]],
    ['source-dest-check', () => f('source-dest-check', 'true'), () => [A, B, C]],
    ['ip-address (no public addresses here)', () => f('ip-address', '*'), () => []],
    ['network-interface.addresses.private-ip-address', () => f('network-interface.addresses.private-ip-address', secondary().PrivateIpAddress!), () => [A]],
    ['network-interface.private-ip-address', () => f('network-interface.private-ip-address', secondary().PrivateIpAddress!), () => [A]],
    ['network-interface.subnet-id', () => f('network-interface.subnet-id', net.subnetA2), () => [A, B]],
    ['network-interface.vpc-id', () => f('network-interface.vpc-id', net.vpcId), () => [A, B, C]],
    ['network-interface.network-interface-id', () => f('network-interface.network-interface-id', secondary().NetworkInterfaceId!), () => [A]],
    ['network-interface.mac-address', () => f('network-interface.mac-address', secondary().MacAddress!), () => [A]],
    ['network-interface.attachment.attachment-id', () => f('network-interface.attachment.attachment-id', secondary().Attachment!.AttachmentId!), () => [A]],
    ['network-interface.attachment.device-index', () => f('network-interface.attachment.device-index', '1'), () => [A]],
    ['network-interface.attachment.status=attaching (pending launch)', () => f('network-interface.attachment.status', 'attaching'), () => [C]],
    ['network-interface.attachment.delete-on-termination=false', () => f('network-interface.attachment.delete-on-termination', 'false'), () => [A]],
    ['network-interface.attachment.instance-id', () => f('network-interface.attachment.instance-id', B.InstanceId!), () => [B]],
    ['network-interface.availability-zone', () => f('network-interface.availability-zone', 'us-east-1b'), () => [C]],
    ['network-interface.status', () => f('network-interface.status', 'in-use'), () => [A, B, C]],
    ['network-interface.tag-key', () => f('network-interface.tag-key', 'nic'), () => [A]],
    ['network-interface.tag-value', () => f('network-interface.tag-value', 'a'), () => [A]],
    ['network-interface.group-name', () => f('network-interface.group-name', 'default'), () => [A, B, C]],
    ['a documented filter ec2lite does not model matches nothing', () => f('capacity-reservation-id', '*'), () => []], // was block-device-mapping.volume-id before volumes were modelled
  ];
  it.each(cases)('%s', async (_name, filter, expected) => {
    expect(await matching(filter())).toEqual(ids(...expected()));
  });

  it('reservation-id', async () => {
    const res = (await describeIs({ InstanceIds: [A.InstanceId!] })).Reservations![0].ReservationId!;
    expect(await matching(f('reservation-id', res))).toEqual(ids(A));
  });

  it('instance.group-id and instance.group-name', async () => {
    const sg = await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [f('vpc-id', net.vpcId), f('group-name', 'default')] }));
    expect(await matching(f('instance.group-id', sg.SecurityGroups![0].GroupId!))).toEqual(ids(A, B, C));
    expect(await matching(f('instance.group-name', 'default'))).toEqual(ids(A, B, C));
  });

  it('filters AND, values OR', async () => {
    expect(await matching(f('instance-state-name', 'running', 'stopped'), f('instance-type', 'm5.large'))).toEqual(ids(A));
  });

  it('an interface attached later is found through network-interface.*', async () => {
    const eni = await createEni(t.ec2, net.subnetA1, { Description: 'late' });
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: A.InstanceId, DeviceIndex: 2 }));
    expect(await matching(f('network-interface.description', 'late'))).toEqual(ids(A));
    expect(await matching(f('network-interface.addresses.private-ip-address', eni.PrivateIpAddress!))).toEqual(ids(A));
  });
});

describe('errors', () => {
  it('unknown ids: one, several (only the unknown are named)', async () => {
    await expectEc2Error(describeIs({ InstanceIds: [MISSING.instance] }), { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${MISSING.instance}' does not exist` });
    const other = 'i-0fedcba9876543210';
    await expectEc2Error(describeIs({ InstanceIds: [MISSING.instance, A.InstanceId!, other] }), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance IDs '${MISSING.instance}, ${other}' do not exist`,
    });
  });

  it('a malformed id', async () => {
    await expectEc2Error(describeIs({ InstanceIds: ['i-xyz'] }), { code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-xyz"' });
  });

  it('an unknown filter', async () => {
    await expectEc2Error(describeIs({ Filters: [f('colour', 'red')] }), { code: 'InvalidParameterValue', message: "The filter 'colour' is invalid" });
  });

  it('MaxResults with ids, and outside 5..1000', async () => {
    await expectEc2Error(describeIs({ InstanceIds: [A.InstanceId!], MaxResults: 5 }), {
      code: 'InvalidParameterCombination',
      message: 'The parameter instancesSet cannot be used with the parameter maxResults',
    });
    await expectEc2Error(describeIs({ MaxResults: 4 }), { code: 'InvalidParameterValue', message: 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.' });
    await expectEc2Error(describeIs({ MaxResults: 1001 }), { code: 'InvalidParameterValue', message: 'Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than 1000.' });
  });

  it('a bad NextToken', async () => {
    await expectEc2Error(describeIs({ MaxResults: 5, NextToken: 'bogus' }), {
      code: 'InvalidParameterValue',
      message: 'Value ( bogus ) for parameter NextToken is invalid. The token is invalid.',
    });
  });

  it('DryRun: 412, and the error when the call would fail', async () => {
    await expectEc2Error(describeIs({ DryRun: true }), DRY_RUN);
    await expectEc2Error(describeIs({ DryRun: true, InstanceIds: [MISSING.instance] }), {
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${MISSING.instance}' does not exist`,
    });
  });
});

describe('behaviour: pagination counts instances', () => {
  it('7 instances in reservations of 3, 1 and 3 with MaxResults 5: pages of 5 and 2, the last reservation split', async () => {
    const pnet = await createNetwork(t.ec2, '10.4.0.0/16');
    const r1 = await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 3, MaxCount: 3, SubnetId: pnet.subnetA1 }));
    const r2 = await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: pnet.subnetA1 }));
    const r3 = await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 3, MaxCount: 3, SubnetId: pnet.subnetA1 }));
    const launched = [r1, r2, r3].flatMap((r) => r.Instances!.map((i) => i.InstanceId!));
    const filters = [f('vpc-id', pnet.vpcId)];
    const p1 = await describeIs({ MaxResults: 5, Filters: filters });
    expect(p1.Reservations!.map((r) => [r.ReservationId, r.Instances!.length])).toEqual([
      [r1.ReservationId, 3],
      [r2.ReservationId, 1],
      [r3.ReservationId, 1],
    ]);
    expect(p1.NextToken).toEqual(expect.any(String));
    const p2 = await describeIs({ MaxResults: 5, Filters: filters, NextToken: p1.NextToken });
    expect(p2.Reservations!.map((r) => [r.ReservationId, r.Instances!.length])).toEqual([[r3.ReservationId, 2]]);
    expect(p2.NextToken).toBeUndefined();
    expect([...flat(p1), ...flat(p2)]).toEqual(launched);
    // the SDK paginator sees the same
    const seen: string[] = [];
    for await (const page of paginateDescribeInstances({ client: t.ec2, pageSize: 5 }, { Filters: filters })) seen.push(...flat(page));
    expect(seen).toEqual(launched);
  });
});
