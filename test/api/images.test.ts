/**
 * Account-owned images through the SDK v3: CreateImage from an instance (snapshots, pending -> available, names,
 * mapping overrides), RegisterImage from a snapshot, CopyImage across regions, DeregisterImage (snapshots stay, and
 * are in use until then), DescribeImages (Owners, ExecutableUsers, filters, pages, tags), the image attributes and
 * launch permissions across accounts, RunInstances from an image, DryRun.
 */
import {
  CopyImageCommand,
  CreateImageCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DisableImageDeprecationCommand,
  DisableImageDeregistrationProtectionCommand,
  EnableImageDeprecationCommand,
  EnableImageDeregistrationProtectionCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeImagesCommandInput,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  Image,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  ResetImageAttributeCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { AMI, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once', config: { snapshotMs: 5000 } }, (env) => ({ t, net } = env));

const ME = '123456789012';
const OTHER = '210987654321';
let counter = 0;
const uniqueName = (base = 'img') => `${base}-${++counter}`;

const images = async (input: DescribeImagesCommandInput = {}, client: EC2Client = t.ec2) => (await client.send(new DescribeImagesCommand(input))).Images ?? [];
const image = async (id: string, client: EC2Client = t.ec2) => (await images({ ImageIds: [id] }, client))[0];
const idsOf = (list: Image[]) => list.map((i) => i.ImageId);

async function newRegistered(name = uniqueName('reg')): Promise<string> {
  const vol = (await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 9 }))).VolumeId!;
  const snap = (await t.ec2.send(new CreateSnapshotCommand({ VolumeId: vol }))).SnapshotId!;
  t.advance(5000);
  return (await t.ec2.send(new RegisterImageCommand({ Name: name, RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snap } }] }))).ImageId!;
}

describe('CreateImage', () => {
  it('snapshots every volume, pending then available, lists the mappings with their delete-on-termination', async () => {
    const i = await launchRunning(t, net, { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 4, VolumeType: 'gp3', DeleteOnTermination: false } }] });
    const name = uniqueName('web');
    const { ImageId } = await t.ec2.send(
      new CreateImageCommand({
        InstanceId: i.InstanceId,
        Name: name,
        Description: 'from web',
        NoReboot: true,
        TagSpecifications: [
          { ResourceType: 'image', Tags: [{ Key: 'role', Value: 'web' }] },
          { ResourceType: 'snapshot', Tags: [{ Key: 'of', Value: 'web' }] },
        ],
      }),
    );
    expect(ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
    const pending = await image(ImageId!);
    expect(pending).toMatchObject({
      State: 'pending',
      Name: name,
      Description: 'from web',
      OwnerId: ME,
      Public: false,
      Architecture: 'x86_64',
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      VirtualizationType: 'hvm',
      ImageType: 'machine',
      SourceInstanceId: i.InstanceId,
      ImageLocation: `${ME}/${name}`,
      Tags: [{ Key: 'role', Value: 'web' }],
    });
    expect(pending.ImageOwnerAlias).toBeUndefined();
    const bdm = pending.BlockDeviceMappings!;
    expect(bdm.map((m) => [m.DeviceName, m.Ebs?.VolumeSize, m.Ebs?.VolumeType, m.Ebs?.DeleteOnTermination])).toEqual([
      ['/dev/xvda', 8, 'gp2', true],
      ['/dev/sdf', 4, 'gp3', false],
    ]);
    const snaps = (await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: bdm.map((m) => m.Ebs!.SnapshotId!) }))).Snapshots!;
    expect(snaps.map((s) => [s.State, s.Description, s.Tags])).toEqual([
      ['pending', `Created by CreateImage(${i.InstanceId}) for ${ImageId}`, [{ Key: 'of', Value: 'web' }]],
      ['pending', `Created by CreateImage(${i.InstanceId}) for ${ImageId}`, [{ Key: 'of', Value: 'web' }]],
    ]);
    t.advance(5000);
    expect((await image(ImageId!)).State).toBe('available');
    // the snapshots are in use by the image
    await expectEc2Error(t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snaps[0].SnapshotId })), {
      code: 'InvalidSnapshot.InUse',
      message: `The snapshot ${snaps[0].SnapshotId} is currently in use by ${ImageId}`,
    });
  });

  it('mapping overrides: NoDevice leaves a volume out, Ebs changes it, a new device adds one', async () => {
    const i = await launchRunning(t, net, { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 4 } }] });
    const { ImageId } = await t.ec2.send(
      new CreateImageCommand({
        InstanceId: i.InstanceId,
        Name: uniqueName(),
        BlockDeviceMappings: [
          { DeviceName: '/dev/sdf', NoDevice: '' },
          { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, DeleteOnTermination: false } },
          { DeviceName: '/dev/sdg', Ebs: { VolumeSize: 2, VolumeType: 'io1', Iops: 100 } },
          { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
        ],
      }),
    );
    const bdm = (await image(ImageId!)).BlockDeviceMappings!;
    expect(bdm.map((m) => [m.DeviceName, m.Ebs?.VolumeSize, m.Ebs?.DeleteOnTermination, m.Ebs?.SnapshotId !== undefined, m.VirtualName])).toEqual([
      ['/dev/xvda', 20, false, true, undefined],
      ['/dev/sdg', 2, true, false, undefined],
      ['/dev/sdb', undefined, undefined, false, 'ephemeral0'],
    ]);
  });

  it('names: AWS rules and duplicates; unknown instance; DryRun', async () => {
    const i = await launchRunning(t, net);
    const name = uniqueName('dup');
    const { ImageId } = await t.ec2.send(new CreateImageCommand({ InstanceId: i.InstanceId, Name: name }));
    await expectEc2Error(t.ec2.send(new CreateImageCommand({ InstanceId: i.InstanceId, Name: name })), {
      code: 'InvalidAMIName.Duplicate',
      message: `AMI name ${name} is already in use by AMI ${ImageId}`,
    });
    for (const bad of ['ab', 'x'.repeat(129), 'bad*name']) {
      await expectEc2Error(t.ec2.send(new CreateImageCommand({ InstanceId: i.InstanceId, Name: bad })), { code: 'InvalidAMIName.Malformed' });
    }
    await expectEc2Error(t.ec2.send(new CreateImageCommand({ InstanceId: 'i-0123456789abcdef0', Name: uniqueName() })), {
      code: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0123456789abcdef0' does not exist",
    });
    const before = (await images({ Owners: ['self'] })).length;
    await expectEc2Error(t.ec2.send(new CreateImageCommand({ InstanceId: i.InstanceId, Name: uniqueName(), DryRun: true })), DRY_RUN);
    expect((await images({ Owners: ['self'] })).length).toBe(before);
  });
});

describe('RegisterImage', () => {
  it('from a root snapshot: available at once, AWS defaults, launchable with the snapshot size', async () => {
    const vol = (await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 9 }))).VolumeId!;
    const snap = (await t.ec2.send(new CreateSnapshotCommand({ VolumeId: vol }))).SnapshotId!;
    const name = uniqueName('reg');
    const { ImageId } = await t.ec2.send(
      new RegisterImageCommand({
        Name: name,
        Architecture: 'arm64',
        EnaSupport: true,
        BootMode: 'uefi',
        RootDeviceName: '/dev/xvda',
        VirtualizationType: 'hvm',
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snap } }],
        TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'k', Value: 'v' }] }],
      }),
    );
    expect(await image(ImageId!)).toMatchObject({
      State: 'available',
      Architecture: 'arm64',
      EnaSupport: true,
      BootMode: 'uefi',
      VirtualizationType: 'hvm',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snap, VolumeSize: 9, DeleteOnTermination: true, VolumeType: 'gp2', Encrypted: false } }],
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    const defaults = await newRegistered();
    expect(await image(defaults)).toMatchObject({ Architecture: 'x86_64', VirtualizationType: 'paravirtual' });
    await expectEc2Error(t.ec2.send(new RegisterImageCommand({ Name: uniqueName(), RootDeviceName: '/dev/sda1', BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { SnapshotId: 'snap-0123456789abcdef0' } }] })), {
      code: 'InvalidSnapshot.NotFound',
    });
    await expectEc2Error(t.ec2.send(new RegisterImageCommand({ Name: uniqueName(), RootDeviceName: '/dev/sda1', BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { SnapshotId: snap } }] })), {
      code: 'InvalidBlockDeviceMapping',
    });
    // launch: the root volume comes from the image's snapshot, with its size
    const run = await t.ec2.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 }));
    const inst = run.Instances![0];
    expect(inst).toMatchObject({ Architecture: 'arm64', RootDeviceName: '/dev/xvda' });
    t.advance(10_000);
    const vols = (await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [inst.InstanceId!] }] }))).Volumes!;
    expect(vols.map((v) => [v.Size, v.SnapshotId, v.Attachments![0].Device])).toEqual([[9, snap, '/dev/xvda']]);
  });
});

describe('CopyImage', () => {
  it('into another region, with new snapshots; the source region stays as it was', async () => {
    const src = await newRegistered();
    const west = t.client({ region: 'us-west-2' });
    const { ImageId } = await west.send(new CopyImageCommand({ SourceImageId: src, SourceRegion: 'us-east-1', Name: uniqueName('copy'), Description: 'copied' }));
    const copy = await image(ImageId!, west);
    expect(copy).toMatchObject({ State: 'pending', Description: 'copied', SourceImageId: src, SourceImageRegion: 'us-east-1', VirtualizationType: 'paravirtual' });
    const snapId = copy.BlockDeviceMappings![0].Ebs!.SnapshotId!;
    const srcSnap = (await image(src)).BlockDeviceMappings![0].Ebs!.SnapshotId!;
    expect(snapId).not.toBe(srcSnap);
    const snap = (await west.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapId] }))).Snapshots![0];
    expect(snap.Description).toBe(`Copied for DestinationAmi ${ImageId} from SourceAmi ${src} for SourceSnapshot ${srcSnap}`);
    t.advance(5000);
    expect((await image(ImageId!, west)).State).toBe('available');
    // the catalog's images copy too; an unknown source does not
    const fromCatalog = await west.send(new CopyImageCommand({ SourceImageId: AMI, SourceRegion: 'us-east-1', Name: uniqueName('amzn') }));
    expect((await image(fromCatalog.ImageId!, west)).BlockDeviceMappings![0].Ebs!.VolumeSize).toBe(8);
    await expectEc2Error(west.send(new CopyImageCommand({ SourceImageId: 'ami-0123456789abcdef0', SourceRegion: 'us-east-1', Name: uniqueName() })), {
      code: 'InvalidAMIID.NotFound',
      message: "The image id '[ami-0123456789abcdef0]' does not exist",
    });
  });
});

describe('launching and copying a pending image', () => {
  it('a pending image is not launchable yet; CopyImage honours its ClientToken', async () => {
    const i = await launchRunning(t, net);
    const { ImageId } = await t.ec2.send(new CreateImageCommand({ InstanceId: i.InstanceId, Name: uniqueName('pending') }));
    await expectEc2Error(t.ec2.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1, SubnetId: net.subnetA1 })), {
      code: 'InvalidAMIID.Unavailable',
      message: `The image id '[${ImageId}]' is no longer available`,
    });
    await expectEc2Error(t.ec2.send(new CopyImageCommand({ SourceImageId: ImageId, SourceRegion: 'us-east-1', Name: uniqueName() })), { code: 'InvalidAMIID.Unavailable' });
    t.advance(5000);
    const input = { SourceImageId: ImageId, SourceRegion: 'us-east-1', Name: uniqueName('idem'), ClientToken: 'copy-once' };
    const first = await t.ec2.send(new CopyImageCommand(input));
    const again = await t.ec2.send(new CopyImageCommand(input));
    expect(again.ImageId).toBe(first.ImageId);
  });
});

describe('DeregisterImage', () => {
  it('the image goes, its snapshots stay and may then be deleted; unknown, catalog and twice', async () => {
    const id = await newRegistered();
    const snap = (await image(id)).BlockDeviceMappings![0].Ebs!.SnapshotId!;
    await expectEc2Error(t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap })), { code: 'InvalidSnapshot.InUse' });
    await expectEc2Error(t.ec2.send(new DeregisterImageCommand({ ImageId: id, DryRun: true })), DRY_RUN);
    expect((await t.ec2.send(new DeregisterImageCommand({ ImageId: id }))).Return).toBe(true);
    expect(idsOf(await images({ Owners: ['self'] }))).not.toContain(id);
    // AWS still knows the id for an hour: left out of the answer, not unknown (amazon.aws ec2_ami waits on that)
    expect(await images({ ImageIds: [id] })).toEqual([]);
    expect(idsOf(await images({ ImageIds: [id, AMI] }))).toEqual([AMI]);
    expect((await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap] }))).Snapshots).toHaveLength(1);
    await t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap }));
    await expectEc2Error(t.ec2.send(new DeregisterImageCommand({ ImageId: id })), {
      code: 'InvalidAMIID.NotFound',
      message: `The image id '[${id}]' does not exist`,
    });
    await expectEc2Error(t.ec2.send(new DeregisterImageCommand({ ImageId: AMI })), { code: 'AuthFailure', status: 401 });
    t.advance(3_600_001);
    await expectEc2Error(images({ ImageIds: [id] }), { code: 'InvalidAMIID.NotFound', message: `The image id '[${id}]' does not exist` });
    await expectEc2Error(t.ec2.send(new DeregisterImageCommand({ ImageId: 'foo' })), {
      code: 'InvalidAMIID.Malformed',
      message: 'Invalid id: "foo" (expecting "ami-...")',
    });
  });

  it('DeleteAssociatedSnapshots deletes them and reports each', async () => {
    const id = await newRegistered();
    const snap = (await image(id)).BlockDeviceMappings![0].Ebs!.SnapshotId!;
    const out = await t.ec2.send(new DeregisterImageCommand({ ImageId: id, DeleteAssociatedSnapshots: true }));
    expect(out.DeleteSnapshotResults).toEqual([{ SnapshotId: snap, ReturnCode: 'success' }]);
    expect((await t.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots!.map((s) => s.SnapshotId)).not.toContain(snap);
  });
});

describe('deregistration protection and deprecation', () => {
  it('protection refuses DeregisterImage; disabled at once, or 24 h after the disable when enabled with the cooldown', async () => {
    const id = await newRegistered();
    const protection = async () => (await image(id)).DeregistrationProtection;
    expect(await protection()).toBe('disabled');
    expect((await t.ec2.send(new EnableImageDeregistrationProtectionCommand({ ImageId: id }))).Return).toBe('enabled-without-cooldown');
    expect(await protection()).toBe('enabled-without-cooldown');
    const refused = { code: 'InvalidParameterValue', message: `Image ${id} has deregistration protection enabled.` };
    await expectEc2Error(t.ec2.send(new DeregisterImageCommand({ ImageId: id })), refused);
    expect((await t.ec2.send(new DisableImageDeregistrationProtectionCommand({ ImageId: id }))).Return).toBe('disabled');

    expect((await t.ec2.send(new EnableImageDeregistrationProtectionCommand({ ImageId: id, WithCooldown: true }))).Return).toBe('enabled-with-cooldown');
    const disabled = (await t.ec2.send(new DisableImageDeregistrationProtectionCommand({ ImageId: id }))).Return!;
    expect(disabled).toMatch(/^disabled-until-\d{4}-\d\d-\d\dT/);
    expect(await protection()).toBe(disabled);
    await expectEc2Error(t.ec2.send(new DeregisterImageCommand({ ImageId: id })), refused);
    t.advance(24 * 3_600_000 + 1);
    expect(await protection()).toBe('disabled');
    expect((await t.ec2.send(new DeregisterImageCommand({ ImageId: id }))).Return).toBe(true);
    await expectEc2Error(t.ec2.send(new EnableImageDeregistrationProtectionCommand({ ImageId: AMI })), { code: 'AuthFailure', status: 401 });
  });

  it('a deprecated image shows its time and leaves other accounts\' lists unless they include deprecated images', async () => {
    const id = await newRegistered();
    await t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: OTHER }] } }));
    const other = t.client({ accessKeyId: OTHER });
    const at = new Date(t.runtime.services.clock.now() + 3_600_000 + 20_000); // rounded to the nearest minute
    expect((await t.ec2.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: at }))).Return).toBe(true);
    const rounded = new Date(Math.round(at.getTime() / 60_000) * 60_000).toISOString();
    expect((await image(id)).DeprecationTime).toBe(rounded);
    expect(idsOf(await images({ ExecutableUsers: ['self'] }, other))).toContain(id);
    t.advance(2 * 3_600_000);
    expect(idsOf(await images({ ExecutableUsers: ['self'] }, other))).not.toContain(id);
    expect(idsOf(await images({ ExecutableUsers: ['self'], IncludeDeprecated: true }, other))).toContain(id);
    expect(idsOf(await images({ ImageIds: [id] }, other))).toEqual([id]);
    expect(idsOf(await images({ Owners: ['self'] }))).toContain(id); // the owner always sees its own
    await expectEc2Error(t.ec2.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(t.runtime.services.clock.now() - 60_000) })), {
      code: 'InvalidParameterValue',
    });
    await t.ec2.send(new DisableImageDeprecationCommand({ ImageId: id }));
    expect((await image(id)).DeprecationTime).toBeUndefined();
    expect(idsOf(await images({ ExecutableUsers: ['self'] }, other))).toContain(id);
    await t.ec2.send(new DeregisterImageCommand({ ImageId: id })); // the sharing tests below start with nothing shared
  });
});

describe('DescribeImages', () => {
  it("finds today's images by the names Terraform and Ansible examples use; AL2023 requires IMDSv2 at launch", async () => {
    const latest = async (owner: string, name: string, arch = 'x86_64') => {
      const found = await images({ Owners: [owner], Filters: [{ Name: 'name', Values: [name] }, { Name: 'architecture', Values: [arch] }] });
      return found.sort((x, y) => (x.CreationDate! < y.CreationDate! ? 1 : -1))[0];
    };
    const jammy = await latest('099720109477', 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*');
    expect(jammy).toMatchObject({ OwnerId: '099720109477', RootDeviceName: '/dev/sda1', Architecture: 'x86_64', State: 'available' });
    expect((await latest('099720109477', 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-*', 'arm64')).Architecture).toBe('arm64');
    const amzn2 = await latest('amazon', 'amzn2-ami-hvm-*-x86_64-gp2');
    expect(amzn2.Name).toMatch(/^amzn2-ami-hvm-2\.0\.2026/); // the current build, not moto's 2018 one
    const al2023 = await latest('amazon', 'al2023-ami-2023.*-x86_64');
    expect(al2023).toMatchObject({ ImdsSupport: 'v2.0', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: expect.objectContaining({ VolumeType: 'gp3' }) }] });
    const i = await launchRunning(t, net, { ImageId: al2023.ImageId });
    expect(i.MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
  });

  it('Owners, ExecutableUsers, filters, tags, pages over the catalog and the account images together', async () => {
    const a = await newRegistered(uniqueName('alpha'));
    const b = await newRegistered(uniqueName('beta'));
    await t.ec2.send(new CreateTagsCommand({ Resources: [b], Tags: [{ Key: 'team', Value: 'blue' }] }));
    expect(idsOf(await images({ Owners: ['self'] }))).toEqual(expect.arrayContaining([a, b]));
    expect(idsOf(await images({ Owners: ['amazon'] }))).not.toContain(a);
    expect(idsOf(await images({ Owners: [ME] }))).toContain(a);
    expect(idsOf(await images({ ExecutableUsers: ['self'] }))).toEqual(expect.arrayContaining([a, b]));
    expect(idsOf(await images({ ExecutableUsers: ['all'] }))).not.toContain(a);
    expect(idsOf(await images({ Filters: [{ Name: 'tag:team', Values: ['blue'] }] }))).toEqual([b]);
    expect(idsOf(await images({ Owners: ['self'], Filters: [{ Name: 'name', Values: ['alpha-*'] }] }))).toEqual([a]);
    expect(idsOf(await images({ Filters: [{ Name: 'is-public', Values: ['false'] }, { Name: 'image-id', Values: [a, b] }] }))).toEqual([a, b]);
    // pages: everything once, catalog first
    const all = await images();
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await t.ec2.send(new DescribeImagesCommand({ MaxResults: 17, NextToken }));
      seen.push(...idsOf(page.Images ?? []).map(String));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen).toEqual(idsOf(all));
    expect(seen.slice(-2)).toEqual(idsOf(all).slice(-2));
    await expectEc2Error(t.ec2.send(new DescribeImagesCommand({ ImageIds: [a, 'ami-0123456789abcdef0'] })), {
      code: 'InvalidAMIID.NotFound',
      message: "The image id '[ami-0123456789abcdef0]' does not exist",
    });
  });
});

describe('image attributes and launch permissions', () => {
  it('another account sees and launches a shared image; reset makes it private again', async () => {
    const id = await newRegistered();
    const other = t.client({ accessKeyId: OTHER });
    await expectEc2Error(other.send(new DescribeImagesCommand({ ImageIds: [id] })), { code: 'InvalidAMIID.NotFound' });
    await t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: OTHER }] } }));
    expect((await t.ec2.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: 'launchPermission' }))).LaunchPermissions).toEqual([{ UserId: OTHER }]);
    expect(await image(id, other)).toMatchObject({ ImageId: id, OwnerId: ME, Public: false });
    expect(idsOf(await images({ ExecutableUsers: ['self'] }, other))).toEqual([id]);
    // the other account launches it: its root volume from the owner's snapshot
    const run = await other.send(new RunInstancesCommand({ ImageId: id, MinCount: 1, MaxCount: 1 }));
    expect(run.Instances![0].ImageId).toBe(id);
    // not the other account's to change
    await expectEc2Error(other.send(new ModifyImageAttributeCommand({ ImageId: id, Description: { Value: 'mine' } })), { code: 'AuthFailure', status: 401 });
    await expectEc2Error(t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: '123' }] } })), {
      code: 'InvalidAMIAttributeItemValue',
      message: 'Invalid attribute item value "123" for userId item type.',
    });
    // public, then reset
    await t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, Attribute: 'launchPermission', OperationType: 'add', UserGroups: ['all'] }));
    expect((await image(id)).Public).toBe(true);
    expect(idsOf(await images({ ExecutableUsers: ['all'], Owners: ['self'] }))).toContain(id);
    await t.ec2.send(new ResetImageAttributeCommand({ ImageId: id, Attribute: 'launchPermission' }));
    expect((await t.ec2.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: 'launchPermission' }))).LaunchPermissions).toEqual([]);
    await expectEc2Error(other.send(new DescribeImagesCommand({ ImageIds: [id] })), { code: 'InvalidAMIID.NotFound' });
  });

  it('description in both forms; other attributes; DryRun', async () => {
    const id = await newRegistered();
    await t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, Description: { Value: 'first' } }));
    expect((await t.ec2.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: 'description' }))).Description).toEqual({ Value: 'first' });
    await t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, Attribute: 'description', Value: 'second' }));
    expect((await image(id)).Description).toBe('second');
    await expectEc2Error(t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, Description: { Value: 'dry' }, DryRun: true })), DRY_RUN);
    expect((await image(id)).Description).toBe('second');
    const bdm = await t.ec2.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: 'blockDeviceMapping' }));
    expect(bdm.BlockDeviceMappings![0].DeviceName).toBe('/dev/xvda');
    await t.ec2.send(new ModifyImageAttributeCommand({ ImageId: id, ImdsSupport: { Value: 'v2.0' } }));
    expect((await t.ec2.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: 'imdsSupport' }))).ImdsSupport).toEqual({ Value: 'v2.0' });
    await expectEc2Error(t.ec2.send(new ResetImageAttributeCommand({ ImageId: id, Attribute: 'launchPermission', DryRun: true })), DRY_RUN);
  });
});
