/**
 * The volumes of instances through the SDK v3: the image's block device mappings at launch, RunInstances'
 * BlockDeviceMapping.N overrides (size, type, NoDevice, new devices) and their errors, delete-on-termination at
 * terminate and through ModifyInstanceAttribute, DescribeInstanceAttribute blockDeviceMapping, the
 * block-device-mapping.* filters.
 */
import {
  BlockDeviceMapping,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  ModifyInstanceAttributeCommand,
  TerminateInstancesCommand,
  Volume,
} from '@aws-sdk/client-ec2';
import { launch, launchRunning } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once', config: { pendingMs: 1000, shuttingDownMs: 1000 } }, (env) => ({ t, net } = env));

const AMZN_SNAPSHOT = 'snap-63ea4f010d6478ab8'; // ami-760aaa0f's root (fixtures/images.json)
const volumesOf = async (instanceId: string): Promise<Volume[]> =>
  (await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] }))).Volumes!;
const byDevice = (vs: Volume[]): Record<string, Volume> => Object.fromEntries(vs.map((v) => [v.Attachments![0].Device, v]));

describe('launch', () => {
  it("the image's root volume: 8 GiB gp2 from its snapshot, attaching while pending, attached once running", async () => {
    const i = await launch(t, net);
    expect(i.RootDeviceName).toBe('/dev/xvda');
    expect(i.RootDeviceType).toBe('ebs');
    expect(i.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { AttachTime: i.LaunchTime, DeleteOnTermination: true, Status: 'attaching', VolumeId: expect.stringMatching(/^vol-/) } },
    ]);
    t.advance(1000);
    const [root] = await volumesOf(i.InstanceId!);
    expect(root).toMatchObject({ Size: 8, VolumeType: 'gp2', SnapshotId: AMZN_SNAPSHOT, State: 'in-use', AvailabilityZone: 'us-east-1a', Encrypted: false });
    expect(root.Attachments).toEqual([expect.objectContaining({ State: 'attached', Device: '/dev/xvda', DeleteOnTermination: true, InstanceId: i.InstanceId })]);
    expect((await describeInstance(t.ec2, i.InstanceId!)).BlockDeviceMappings![0].Ebs!.Status).toBe('attached');
  });

  it('BlockDeviceMapping.N overrides the root, adds devices, and tags volumes from TagSpecifications', async () => {
    const mappings: BlockDeviceMapping[] = [
      { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp3', Iops: 4000, DeleteOnTermination: false } },
      { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 100, VolumeType: 'io1', Iops: 1000 } },
      { DeviceName: '/dev/sdg', Ebs: { SnapshotId: AMZN_SNAPSHOT, VolumeSize: 50, Encrypted: true } },
      { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
    ];
    const i = await launchRunning(t, net, {
      BlockDeviceMappings: mappings,
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'app', Value: 'db' }] }],
    });
    expect(i.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs!.DeleteOnTermination])).toEqual([
      ['/dev/xvda', false],
      ['/dev/sdf', true],
      ['/dev/sdg', true],
    ]);
    const v = byDevice(await volumesOf(i.InstanceId!));
    expect(v['/dev/xvda']).toMatchObject({ Size: 20, VolumeType: 'gp3', Iops: 4000, Throughput: 125, SnapshotId: AMZN_SNAPSHOT });
    expect(v['/dev/sdf']).toMatchObject({ Size: 100, VolumeType: 'io1', Iops: 1000, SnapshotId: '' });
    expect(v['/dev/sdg']).toMatchObject({ Size: 50, Encrypted: true, SnapshotId: AMZN_SNAPSHOT });
    for (const vol of Object.values(v) as Volume[]) expect(vol.Tags).toEqual([{ Key: 'app', Value: 'db' }]);
  });

  it('NoDevice suppresses a device the request added; the root cannot be suppressed', async () => {
    const i = await launchRunning(t, net, { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', NoDevice: '' }] });
    expect(i.BlockDeviceMappings!.map((m) => m.DeviceName)).toEqual(['/dev/xvda']);
    await expectEc2Error(launch(t, net, { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', NoDevice: '' }] }), { code: 'InvalidBlockDeviceMapping' });
  });

  it.each([
    [[{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 5 } }], 'InvalidBlockDeviceMapping', `Volume of size 5GB is smaller than  snapshot '${AMZN_SNAPSHOT}', expect size >= 8GB`],
    [[{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 10, Iops: 300 } }], 'InvalidParameterCombination', 'The parameter iops is not supported for gp2 volumes.'],
    [[{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 10, VolumeType: 'io2' } }], 'InvalidParameterCombination', 'The parameter iops must be specified for io2 volumes.'],
    [[{ DeviceName: '/dev/sdf', Ebs: { DeleteOnTermination: true } }], 'InvalidBlockDeviceMapping', "The device '/dev/sdf' must have either a snapshot or a volume size."],
    [[{ DeviceName: '/dev/sdz9', Ebs: { VolumeSize: 1 } }], 'InvalidBlockDeviceMapping', 'Invalid device name /dev/sdz9'],
    [[{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 1 } }, { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 2 } }], 'InvalidBlockDeviceMapping', "The device '/dev/sdf' is used in more than one block-device mapping"],
    [[{ DeviceName: '/dev/sdf', Ebs: { SnapshotId: 'snap-0123456789abcdef0' } }], 'InvalidSnapshot.NotFound', "The snapshot 'snap-0123456789abcdef0' does not exist."],
  ] as Array<[BlockDeviceMapping[], string, string]>)('%j -> %s, and nothing is launched', async (BlockDeviceMappings, code, message) => {
    const before = (await t.ec2.send(new DescribeVolumesCommand({}))).Volumes!.length;
    await expectEc2Error(launch(t, net, { BlockDeviceMappings }), { code, message });
    expect((await t.ec2.send(new DescribeVolumesCommand({}))).Volumes!.length).toBe(before);
  });

  it('a Windows image roots at /dev/sda1 with 30 GiB; an instance-store image has no EBS root', async () => {
    const win = await launchRunning(t, net, { ImageId: 'ami-03cf127a' });
    expect(win.RootDeviceName).toBe('/dev/sda1');
    expect((await volumesOf(win.InstanceId!)).map((v) => v.Size)).toEqual([30]);
    const store = await launchRunning(t, net, { ImageId: 'ami-04681a1dbd79675b6' });
    expect(store.RootDeviceType).toBe('instance-store');
    expect(store.BlockDeviceMappings).toEqual([]);
  });
});

describe('delete-on-termination', () => {
  it('at terminated: DOT volumes are deleted, the others detached and available', async () => {
    const i = await launchRunning(t, net, { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 4, DeleteOnTermination: false } }] });
    const v = byDevice(await volumesOf(i.InstanceId!));
    const root = v['/dev/xvda'].VolumeId!;
    const kept = v['/dev/sdf'].VolumeId!;
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    expect((await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [kept] }))).Volumes![0].State).toBe('in-use'); // shutting-down
    t.advance(1000);
    await expectEc2Error(t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [root] })), { code: 'InvalidVolume.NotFound' });
    expect((await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [kept] }))).Volumes![0]).toMatchObject({ State: 'available', Attachments: [] });
    expect((await describeInstance(t.ec2, i.InstanceId!)).BlockDeviceMappings).toEqual([]);
  });

  it('ModifyInstanceAttribute BlockDeviceMapping changes it; DescribeInstanceAttribute shows it', async () => {
    const i = await launchRunning(t, net);
    const root = i.BlockDeviceMappings![0].Ebs!.VolumeId!;
    await t.ec2.send(
      new ModifyInstanceAttributeCommand({ InstanceId: i.InstanceId, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: false } }] }),
    );
    const attr = await t.ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: i.InstanceId, Attribute: 'blockDeviceMapping' }));
    expect(attr.BlockDeviceMappings).toEqual([{ DeviceName: '/dev/xvda', Ebs: expect.objectContaining({ VolumeId: root, DeleteOnTermination: false, Status: 'attached' }) }]);
    await expectEc2Error(
      t.ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: i.InstanceId, BlockDeviceMappings: [{ DeviceName: '/dev/sdq', Ebs: { DeleteOnTermination: true } }] })),
      { code: 'InvalidInstanceAttributeValue', message: 'No device is currently mapped at /dev/sdq' },
    );
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(1000);
    expect((await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [root] }))).Volumes![0].State).toBe('available');
  });
});

describe('DescribeInstances filters', () => {
  it('block-device-mapping.*', async () => {
    const i = await launchRunning(t, net, { BlockDeviceMappings: [{ DeviceName: '/dev/sdh', Ebs: { VolumeSize: 1, DeleteOnTermination: false } }] });
    const sdh = i.BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/sdh')!.Ebs!.VolumeId!;
    const match = async (Name: string, Values: string[]) =>
      ((await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name, Values }] }))).Reservations ?? []).flatMap((r) => r.Instances!.map((x) => x.InstanceId));
    expect(await match('block-device-mapping.volume-id', [sdh])).toEqual([i.InstanceId]);
    expect(await match('block-device-mapping.device-name', ['/dev/sdh'])).toEqual([i.InstanceId]);
    expect(await match('block-device-mapping.delete-on-termination', ['false'])).toContain(i.InstanceId);
    expect(await match('block-device-mapping.status', ['attached'])).toContain(i.InstanceId);
    expect(await match('root-device-type', ['instance-store'])).not.toContain(i.InstanceId);
  });
});

describe('IMDS', () => {
  it('block-device-mapping/ lists ami, root and one ebsN per other volume', async () => {
    const i = await launchRunning(t, net, { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 1 } }] });
    const get = async (key: string) => (await fetch(`${t.url}/_ec2lite/imds/${i.InstanceId}/latest/meta-data/block-device-mapping/${key}`)).text();
    expect((await get('')).split('\n').sort()).toEqual(['ami', 'ebs1', 'root']);
    expect(await get('root')).toBe('/dev/xvda');
    expect(await get('ebs1')).toBe('sdf');
  });
});
