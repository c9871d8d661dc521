/**
 * EBS volume calls through the SDK v3: CreateVolume (size, snapshot, types and their limits, encryption, zone, tags),
 * DescribeVolumes (ids, filters, pages), AttachVolume / DetachVolume (device names, zone, in use, states through the
 * back end), DeleteVolume (VolumeInUse), ModifyVolume + DescribeVolumesModifications, DescribeVolumeStatus, the volume
 * attributes, EBS encryption by default, DryRun.
 */
import {
  AttachVolumeCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  CreateVolumeCommandInput,
  DeleteVolumeCommand,
  DescribeVolumeAttributeCommand,
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  DescribeVolumeStatusCommand,
  DetachVolumeCommand,
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  ModifyVolumeAttributeCommand,
  ModifyVolumeCommand,
  StopInstancesCommand,
  Volume,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning, MISSING } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { describeInstance, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from '../clients/tools';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once', config: { volumeMs: 1000, attachMs: 1000, detachMs: 1000 } }, (env) => ({ t, net } = env));

const ZONE = 'us-east-1a';
const create = (input: Partial<CreateVolumeCommandInput> = {}) =>
  t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: ZONE, Size: 10, ...input } as CreateVolumeCommandInput));
const volume = async (id: string): Promise<Volume> => (await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [id] }))).Volumes![0];
/** A volume that has finished creating. */
const ready = async (input: Partial<CreateVolumeCommandInput> = {}) => {
  const v = await create(input);
  t.advance(1000);
  return v;
};
const attach = (VolumeId: string, InstanceId: string, Device = '/dev/sdf') => t.ec2.send(new AttachVolumeCommand({ VolumeId, InstanceId, Device }));

describe('CreateVolume', () => {
  it('creating, then available through the back end; gp2 IOPS follow the size', async () => {
    const v = await create({ TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data' }] }] });
    expect(v).toMatchObject({ State: 'creating', Size: 10, VolumeType: 'gp2', Iops: 100, AvailabilityZone: ZONE, Encrypted: false, SnapshotId: '', MultiAttachEnabled: false });
    expect(v.VolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
    expect(v.Tags).toEqual([{ Key: 'Name', Value: 'data' }]);
    expect((await volume(v.VolumeId!)).State).toBe('creating');
    t.advance(1000);
    expect(await volume(v.VolumeId!)).toMatchObject({ State: 'available', Attachments: [] });
    expect((await create({ Size: 100 })).Iops).toBe(300);
  });

  it('gp3 defaults and io1/io2 provisioned IOPS', async () => {
    expect(await create({ VolumeType: 'gp3' })).toMatchObject({ Iops: 3000, Throughput: 125 });
    expect(await create({ VolumeType: 'io1', Iops: 500 })).toMatchObject({ Iops: 500, VolumeType: 'io1' });
    const st1 = await create({ VolumeType: 'st1', Size: 125 });
    expect(st1.VolumeType).toBe('st1');
    expect(st1.Iops).toBeUndefined();
  });

  it.each([
    [{ VolumeType: 'gp2', Iops: 300 }, 'InvalidParameterCombination', 'The parameter iops is not supported for gp2 volumes.'],
    [{ VolumeType: 'io2' }, 'InvalidParameterCombination', 'The parameter iops must be specified for io2 volumes.'],
    [{ VolumeType: 'io1', Size: 1, Iops: 100 }, 'InvalidParameterValue', 'The volume size is invalid for io1 volumes: 1 GiB. io1 volumes must be at least 4 GiB in size. Please specify a volume size above the minimum limit'],
    [{ VolumeType: 'st1', Size: 100 }, 'InvalidParameterValue', 'The volume size is invalid for st1 volumes: 100 GiB. st1 volumes must be at least 125 GiB in size. Please specify a volume size above the minimum limit'],
    [{ Size: 16385 }, 'InvalidParameterValue', 'Volume of 16385GiB is too large for gp2; maximum is 16384GiB.'],
    [{ VolumeType: 'io1', Size: 10, Iops: 600 }, 'InvalidParameterValue', 'Iops to volume size ratio of 60.000000 is too high; maximum is 50'],
    [{ VolumeType: 'gp2', Throughput: 200 }, 'InvalidParameterCombination', 'The parameter throughput is not supported for gp2 volumes.'],
    [{ Size: undefined }, 'MissingParameter', 'The request must contain the parameter size/snapshot'],
    [{ AvailabilityZone: 'us-east-1z' }, 'InvalidParameterValue', 'Invalid availability zone: [us-east-1z]'],
  ])('%j -> %s', async (input, code, message) => {
    await expectEc2Error(create(input as Partial<CreateVolumeCommandInput>), { code, message });
  });

  it('an unknown snapshot, a malformed one', async () => {
    await expectEc2Error(create({ Size: undefined, SnapshotId: 'snap-0123456789abcdef0' }), {
      code: 'InvalidSnapshot.NotFound',
      message: "The snapshot 'snap-0123456789abcdef0' does not exist.",
    });
    await expectEc2Error(create({ SnapshotId: 'snapshot-1' }), { code: 'InvalidSnapshotID.Malformed', message: 'Invalid id: "snapshot-1" (expecting "snap-...")' });
  });

  it('DryRun writes nothing', async () => {
    const before = (await t.ec2.send(new DescribeVolumesCommand({}))).Volumes!.length;
    await expectEc2Error(create({ DryRun: true }), DRY_RUN);
    expect((await t.ec2.send(new DescribeVolumesCommand({}))).Volumes!.length).toBe(before);
  });
});

describe('encryption by default', () => {
  it('per account and region: new volumes are encrypted with the AWS-managed key while it is on', async () => {
    const other = t.client({ accessKeyId: '210987654321' });
    expect(await t.ec2.send(new GetEbsEncryptionByDefaultCommand({}))).toMatchObject({ EbsEncryptionByDefault: false });
    expect(await t.ec2.send(new EnableEbsEncryptionByDefaultCommand({}))).toMatchObject({ EbsEncryptionByDefault: true });
    expect(await t.ec2.send(new GetEbsEncryptionByDefaultCommand({}))).toMatchObject({ EbsEncryptionByDefault: true });
    expect(await other.send(new GetEbsEncryptionByDefaultCommand({}))).toMatchObject({ EbsEncryptionByDefault: false });
    expect(await t.ec2.send(new GetEbsDefaultKmsKeyIdCommand({}))).toMatchObject({ KmsKeyId: 'alias/aws/ebs' });
    const v = await create();
    expect(v.Encrypted).toBe(true);
    expect(v.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\/[0-9a-f-]{36}$/);
    expect((await other.send(new CreateVolumeCommand({ AvailabilityZone: ZONE, Size: 1 }))).Encrypted).toBe(false);
    expect(await t.ec2.send(new DisableEbsEncryptionByDefaultCommand({}))).toMatchObject({ EbsEncryptionByDefault: false });
    expect((await create()).Encrypted).toBe(false);
    expect((await create({ Encrypted: true, KmsKeyId: 'alias/mine' })).KmsKeyId).toBe('alias/mine');
  });
});

describe('attach and detach', () => {
  it('attaching -> attached, in-use; detaching -> gone, available; the instance lists it', async () => {
    const i = await launchRunning(t, net);
    const v = await ready();
    const out = await attach(v.VolumeId!, i.InstanceId!);
    expect(out).toMatchObject({ VolumeId: v.VolumeId, InstanceId: i.InstanceId, Device: '/dev/sdf', State: 'attaching', DeleteOnTermination: false });
    expect(await volume(v.VolumeId!)).toMatchObject({ State: 'in-use', Attachments: [expect.objectContaining({ State: 'attaching' })] });
    t.advance(1000);
    expect((await volume(v.VolumeId!)).Attachments).toEqual([expect.objectContaining({ State: 'attached', Device: '/dev/sdf' })]);
    const mappings = (await describeInstance(t.ec2, i.InstanceId!)).BlockDeviceMappings!;
    expect(mappings.map((m) => [m.DeviceName, m.Ebs!.Status])).toEqual([
      ['/dev/xvda', 'attached'],
      ['/dev/sdf', 'attached'],
    ]);
    const filtered = await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [i.InstanceId!] }] }));
    expect(filtered.Volumes!.map((x) => x.Attachments![0].Device).sort()).toEqual(['/dev/sdf', '/dev/xvda']);

    await expectEc2Error(t.ec2.send(new DeleteVolumeCommand({ VolumeId: v.VolumeId })), {
      code: 'VolumeInUse',
      message: `Volume ${v.VolumeId} is currently attached to ${i.InstanceId}`,
    });
    expect(await t.ec2.send(new DetachVolumeCommand({ VolumeId: v.VolumeId }))).toMatchObject({ State: 'detaching', Device: '/dev/sdf' });
    expect((await t.ec2.send(new DetachVolumeCommand({ VolumeId: v.VolumeId }))).State).toBe('detaching'); // again: a no-op
    t.advance(1000);
    expect(await volume(v.VolumeId!)).toMatchObject({ State: 'available', Attachments: [] });
    await expectEc2Error(t.ec2.send(new DetachVolumeCommand({ VolumeId: v.VolumeId })), {
      code: 'IncorrectState',
      message: `Volume '${v.VolumeId}' is in the 'available' state.`,
    });
    await t.ec2.send(new DeleteVolumeCommand({ VolumeId: v.VolumeId }));
    await expectEc2Error(volume(v.VolumeId!), { code: 'InvalidVolume.NotFound', message: `The volume '${v.VolumeId}' does not exist.` });
  });

  it('device names, device in use, zone, already attached, creating, unknown ids', async () => {
    const i = await launchRunning(t, net);
    const v = await ready();
    const w = await ready();
    for (const bad of ['/dev/sdi1', '/dev/xvdeo', '/dev/sdba', 'foo']) {
      await expectEc2Error(attach(v.VolumeId!, i.InstanceId!, bad), {
        code: 'InvalidParameterValue',
        message: `Value (${bad}) for parameter device is invalid. ${bad} is not a valid EBS device name.`,
      });
    }
    await expectEc2Error(attach(v.VolumeId!, i.InstanceId!, '/dev/xvda'), {
      code: 'InvalidParameterValue',
      message: "Invalid value '/dev/xvda' for unixDevice. Attachment point /dev/xvda is already in use",
    });
    await attach(v.VolumeId!, i.InstanceId!, 'xvdh');
    await expectEc2Error(attach(v.VolumeId!, i.InstanceId!, '/dev/sdg'), { code: 'VolumeInUse', message: `${v.VolumeId} is already attached to an instance` });
    const elsewhere = await ready({ AvailabilityZone: 'us-east-1b' });
    await expectEc2Error(attach(elsewhere.VolumeId!, i.InstanceId!), {
      code: 'InvalidVolume.ZoneMismatch',
      message: `The volume '${elsewhere.VolumeId}' is not in the same availability zone as instance '${i.InstanceId}'`,
    });
    const fresh = await create();
    await expectEc2Error(attach(fresh.VolumeId!, i.InstanceId!), { code: 'IncorrectState', message: `Volume '${fresh.VolumeId}' is in the 'creating' state.` });
    await expectEc2Error(attach('vol-0123456789abcdef0', i.InstanceId!), { code: 'InvalidVolume.NotFound', message: "The volume 'vol-0123456789abcdef0' does not exist." });
    await expectEc2Error(attach(w.VolumeId!, MISSING.instance), { code: 'InvalidInstanceID.NotFound' });
    await expectEc2Error(attach('volume-1', i.InstanceId!), { code: 'InvalidVolumeID.Malformed', message: 'Invalid id: "volume-1" (expecting "vol-...")' });
    await expectEc2Error(t.ec2.send(new DetachVolumeCommand({ VolumeId: v.VolumeId, InstanceId: MISSING.instance })), { code: 'InvalidAttachment.NotFound' });
  });

  it('the root volume stays while the instance runs, and detaches once it is stopped', async () => {
    const i = await launchRunning(t, net, { InstanceType: 't3.micro' });
    const root = i.BlockDeviceMappings![0].Ebs!.VolumeId!;
    await expectEc2Error(t.ec2.send(new DetachVolumeCommand({ VolumeId: root, Force: true })), {
      code: 'IncorrectState',
      message: `Unable to detach root volume '${root}' from instance '${i.InstanceId}'`,
    });
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!] }));
    t.advance(10_000);
    await t.ec2.send(new DetachVolumeCommand({ VolumeId: root }));
    t.advance(1000);
    expect((await volume(root)).State).toBe('available');
    expect((await describeInstance(t.ec2, i.InstanceId!)).BlockDeviceMappings).toEqual([]);
  });
});

describe('Describe*', () => {
  it('filters and pages', async () => {
    const a = await ready({ VolumeType: 'gp3', Size: 20, TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'team', Value: 'red' }] }] });
    const b = await ready({ VolumeType: 'gp3', Size: 21, TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'team', Value: 'red' }] }] });
    const ids = async (Filters: Array<{ Name: string; Values: string[] }>) =>
      ((await t.ec2.send(new DescribeVolumesCommand({ Filters }))).Volumes ?? []).map((v) => v.VolumeId);
    expect(await ids([{ Name: 'tag:team', Values: ['red'] }])).toEqual([a.VolumeId, b.VolumeId]);
    expect(await ids([{ Name: 'tag:team', Values: ['red'] }, { Name: 'size', Values: ['21'] }])).toEqual([b.VolumeId]);
    expect(await ids([{ Name: 'volume-type', Values: ['gp3'] }, { Name: 'status', Values: ['available'] }, { Name: 'tag-key', Values: ['team'] }])).toEqual([a.VolumeId, b.VolumeId]);
    expect(await ids([{ Name: 'tag:team', Values: ['red'] }, { Name: 'encrypted', Values: ['true'] }])).toEqual([]);
    expect(await ids([{ Name: 'tag:team', Values: ['red'] }, { Name: 'availability-zone', Values: [ZONE] }, { Name: 'multi-attach-enabled', Values: ['false'] }])).toEqual([a.VolumeId, b.VolumeId]);
    await expectEc2Error(t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })), { code: 'InvalidParameterValue', message: "The filter 'colour' is invalid" });
    const first = await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'tag:team', Values: ['red'] }], MaxResults: 5 }));
    expect(first.Volumes!.length).toBe(2);
    const all = (await t.ec2.send(new DescribeVolumesCommand({}))).Volumes!.length;
    const page1 = await t.ec2.send(new DescribeVolumesCommand({ MaxResults: 5 }));
    const page2 = await t.ec2.send(new DescribeVolumesCommand({ MaxResults: 1000, NextToken: page1.NextToken }));
    expect(page1.Volumes!.length + page2.Volumes!.length).toBe(all);
    await expectEc2Error(t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [a.VolumeId!, 'vol-0123456789abcdef0'] })), { code: 'InvalidVolume.NotFound' });
  });

  it('DescribeVolumeStatus, the attributes', async () => {
    const v = await ready();
    const status = await t.ec2.send(new DescribeVolumeStatusCommand({ VolumeIds: [v.VolumeId!] }));
    expect(status.VolumeStatuses).toEqual([
      expect.objectContaining({
        VolumeId: v.VolumeId,
        AvailabilityZone: ZONE,
        VolumeStatus: { Status: 'ok', Details: [{ Name: 'io-enabled', Status: 'passed' }, { Name: 'io-performance', Status: 'not-applicable' }] },
      }),
    ]);
    const ok = await t.ec2.send(new DescribeVolumeStatusCommand({ Filters: [{ Name: 'volume-status.status', Values: ['impaired'] }] }));
    expect(ok.VolumeStatuses).toEqual([]);
    const attr = () => t.ec2.send(new DescribeVolumeAttributeCommand({ VolumeId: v.VolumeId, Attribute: 'autoEnableIO' }));
    expect((await attr()).AutoEnableIO).toEqual({ Value: false });
    await t.ec2.send(new ModifyVolumeAttributeCommand({ VolumeId: v.VolumeId, AutoEnableIO: { Value: true } }));
    expect((await attr()).AutoEnableIO).toEqual({ Value: true });
    expect((await t.ec2.send(new DescribeVolumeAttributeCommand({ VolumeId: v.VolumeId, Attribute: 'productCodes' }))).ProductCodes).toEqual([]);
  });
});

describe('ModifyVolume', () => {
  it('modifying -> optimizing (new size and type) -> completed', async () => {
    const v = await ready({ Size: 10 });
    const out = await t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId, Size: 20, VolumeType: 'gp3' }));
    expect(out.VolumeModification).toMatchObject({
      VolumeId: v.VolumeId,
      ModificationState: 'modifying',
      OriginalSize: 10,
      OriginalVolumeType: 'gp2',
      OriginalIops: 100,
      TargetSize: 20,
      TargetVolumeType: 'gp3',
      TargetIops: 3000,
      TargetThroughput: 125,
    });
    await expectEc2Error(t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId, Size: 30 })), { code: 'IncorrectModificationState' });
    t.advance(1000);
    expect(await volume(v.VolumeId!)).toMatchObject({ Size: 20, VolumeType: 'gp3', Iops: 3000 });
    t.advance(1000);
    const mods = await t.ec2.send(new DescribeVolumesModificationsCommand({ VolumeIds: [v.VolumeId!] }));
    expect(mods.VolumesModifications![0]).toMatchObject({ ModificationState: 'completed', Progress: 100 });
    await expectEc2Error(t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId, Size: 5 })), { code: 'InvalidParameterValue' });
  });
});

describeWithTool('boto3', "DescribeVolumes through boto3's EC2 client", () => {
  it('botocore parses the volume, its attachment and its tags', async () => {
    const i = await launchRunning(t, net);
    const root = i.BlockDeviceMappings![0].Ebs!.VolumeId!;
    await t.ec2.send(new CreateTagsCommand({ Resources: [root], Tags: [{ Key: 'Name', Value: 'root' }] }));
    const script = [
      'import boto3, json, sys',
      'ec2 = boto3.client("ec2", endpoint_url=sys.argv[1])',
      'v = ec2.describe_volumes(VolumeIds=[sys.argv[2]])["Volumes"][0]',
      'print(json.dumps(v, default=str))',
    ].join('\n');
    const r = await run('python3', ['-c', script, t.url, root], { env: awsEnv() });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({
      VolumeId: root,
      Size: 8,
      SnapshotId: 'snap-63ea4f010d6478ab8',
      AvailabilityZone: 'us-east-1a',
      State: 'in-use',
      VolumeType: 'gp2',
      Iops: 100,
      Encrypted: false,
      MultiAttachEnabled: false,
      Tags: [{ Key: 'Name', Value: 'root' }],
      Attachments: [{ VolumeId: root, InstanceId: i.InstanceId, Device: '/dev/xvda', State: 'attached', DeleteOnTermination: true, AttachTime: expect.any(String) }],
    });
    expect(v.CreateTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/); // a datetime, not a string left unparsed
  });
});
