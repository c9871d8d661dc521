/**
 * EBS snapshots through the SDK v3: CreateSnapshot (pending -> completed through the back end), CreateSnapshots
 * (instance-wide), CopySnapshot (across regions), DeleteSnapshot (InvalidSnapshot.InUse for an image's snapshot),
 * DescribeSnapshots (OwnerIds, RestorableByUserIds, filters, pages), createVolumePermission across accounts, the
 * catalog images' snapshots for their owner, DryRun.
 */
import {
  CopySnapshotCommand,
  CreateSnapshotCommand,
  CreateSnapshotsCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeSnapshotsCommandInput,
  ModifySnapshotAttributeCommand,
  ResetSnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { DRY_RUN, launchRunning } from '../helpers/api';
import { useTestServer } from '../helpers/env';
import { TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once', config: { snapshotMs: 5000 } }, (env) => ({ t, net } = env));

const OTHER = '210987654321';
const AMZN_OWNER = '137112412989';
const AMZN_SNAPSHOT = 'snap-63ea4f010d6478ab8';

const newVolume = async (Size = 10) => (await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size }))).VolumeId!;
const snapshots = async (input: DescribeSnapshotsCommandInput = {}, client = t.ec2) => (await client.send(new DescribeSnapshotsCommand(input))).Snapshots ?? [];
const ids = (xs: Array<{ SnapshotId?: string }>) => xs.map((s) => s.SnapshotId);

describe('CreateSnapshot', () => {
  it('pending, then completed through the back end', async () => {
    const vol = await newVolume(12);
    const s = await t.ec2.send(
      new CreateSnapshotCommand({ VolumeId: vol, Description: 'nightly', TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'k', Value: 'v' }] }] }),
    );
    expect(s).toMatchObject({ State: 'pending', VolumeId: vol, VolumeSize: 12, Description: 'nightly', Progress: '0%', Encrypted: false, Tags: [{ Key: 'k', Value: 'v' }] });
    expect(s.SnapshotId).toMatch(/^snap-[0-9a-f]{17}$/);
    expect(s.OwnerId).toMatch(/^\d{12}$/);
    t.advance(5000);
    expect((await snapshots({ SnapshotIds: [s.SnapshotId!] }))[0]).toMatchObject({ State: 'completed', Progress: '100%' });
    // a volume from it: its size, its snapshot id
    const restored = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1b', SnapshotId: s.SnapshotId }));
    expect(restored).toMatchObject({ Size: 12, SnapshotId: s.SnapshotId });
    await expectEc2Error(t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1b', SnapshotId: s.SnapshotId, Size: 5 })), {
      code: 'InvalidParameterValue',
      message: `Volume of size 5GB is smaller than  snapshot '${s.SnapshotId}', expect size >= 12GB`,
    });
  });

  it('unknown volume, DryRun', async () => {
    await expectEc2Error(t.ec2.send(new CreateSnapshotCommand({ VolumeId: 'vol-0123456789abcdef0' })), {
      code: 'InvalidVolume.NotFound',
      message: "The volume 'vol-0123456789abcdef0' does not exist.",
    });
    const before = (await snapshots({ OwnerIds: ['self'] })).length;
    await expectEc2Error(t.ec2.send(new CreateSnapshotCommand({ VolumeId: await newVolume(), DryRun: true })), DRY_RUN);
    expect((await snapshots({ OwnerIds: ['self'] })).length).toBe(before);
  });
});

describe('CreateSnapshots', () => {
  it('one per volume of the instance, less the boot volume when excluded, with the volume tags on request', async () => {
    const i = await launchRunning(t, net, {
      BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 3 } }],
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'from', Value: 'volume' }] }],
    });
    const all = await t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: i.InstanceId }, Description: 'all' }));
    expect(all.Snapshots!.map((s) => [s.VolumeSize, s.State, s.Description])).toEqual([
      [8, 'pending', 'all'],
      [3, 'pending', 'all'],
    ]);
    const data = await t.ec2.send(
      new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: i.InstanceId, ExcludeBootVolume: true }, CopyTagsFromSource: 'volume' }),
    );
    expect(data.Snapshots!.map((s) => [s.VolumeSize, s.Tags])).toEqual([[3, [{ Key: 'from', Value: 'volume' }]]]);
  });
});

describe('DeleteSnapshot', () => {
  it('deletes; unknown ids are InvalidSnapshot.NotFound', async () => {
    const s = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: await newVolume() }));
    await t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: s.SnapshotId }));
    await expectEc2Error(snapshots({ SnapshotIds: [s.SnapshotId!] }), { code: 'InvalidSnapshot.NotFound', message: `The snapshot '${s.SnapshotId}' does not exist.` });
    await expectEc2Error(t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: s.SnapshotId })), { code: 'InvalidSnapshot.NotFound' });
  });

  it("a catalog image's snapshot: listed for its owner, and in use by the image", async () => {
    const owner = t.client({ accessKeyId: AMZN_OWNER });
    const own = await snapshots({ OwnerIds: ['self'] }, owner);
    expect(ids(own)).toContain(AMZN_SNAPSHOT);
    expect(own.find((s) => s.SnapshotId === AMZN_SNAPSHOT)).toMatchObject({ State: 'completed', VolumeSize: 8, OwnerAlias: 'amazon', OwnerId: AMZN_OWNER });
    expect(ids(await snapshots({ SnapshotIds: [AMZN_SNAPSHOT] }, t.client({ accessKeyId: AMZN_OWNER, region: 'eu-west-1' })))).toEqual([AMZN_SNAPSHOT]);
    await expectEc2Error(owner.send(new DeleteSnapshotCommand({ SnapshotId: AMZN_SNAPSHOT })), {
      code: 'InvalidSnapshot.InUse',
      message: `The snapshot ${AMZN_SNAPSHOT} is currently in use by ami-760aaa0f`,
    });
    // not the caller's: not listed as its own
    expect(ids(await snapshots({ OwnerIds: ['self'] }))).not.toContain(AMZN_SNAPSHOT);
  });
});

describe('DescribeSnapshots', () => {
  it('filters and pages', async () => {
    const vol = await newVolume(7);
    const a = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: vol, Description: 'alpha' }));
    const b = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: vol, Description: 'beta' }));
    expect(ids(await snapshots({ Filters: [{ Name: 'volume-id', Values: [vol] }] }))).toEqual([a.SnapshotId, b.SnapshotId]);
    expect(ids(await snapshots({ Filters: [{ Name: 'volume-id', Values: [vol] }, { Name: 'description', Values: ['b*'] }] }))).toEqual([b.SnapshotId]);
    expect(ids(await snapshots({ Filters: [{ Name: 'volume-id', Values: [vol] }, { Name: 'status', Values: ['pending'] }, { Name: 'volume-size', Values: ['7'] }] }))).toEqual([a.SnapshotId, b.SnapshotId]);
    const page = await t.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 5 }));
    const rest = await t.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 1000, NextToken: page.NextToken }));
    expect(page.Snapshots!.length + (rest.Snapshots?.length ?? 0)).toBe((await snapshots({ OwnerIds: ['self'] })).length);
    await expectEc2Error(snapshots({ Filters: [{ Name: 'colour', Values: ['x'] }] }), { code: 'InvalidParameterValue', message: "The filter 'colour' is invalid" });
  });
});

describe('createVolumePermission across accounts', () => {
  it('shared with an account: it sees it, restores it, copies it; reset makes it private again', async () => {
    const other = t.client({ accessKeyId: OTHER });
    const s = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: await newVolume(6) }));
    t.advance(5000);
    const id = s.SnapshotId!;
    await expectEc2Error(snapshots({ SnapshotIds: [id] }, other), { code: 'InvalidSnapshot.NotFound' });
    await t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: [OTHER] }));
    expect((await t.ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission' }))).CreateVolumePermissions).toEqual([{ UserId: OTHER }]);
    expect(ids(await snapshots({ RestorableByUserIds: ['self'] }, other))).toEqual([id]);
    expect(ids(await snapshots({ OwnerIds: ['self'] }, other))).toEqual([]);
    expect((await other.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', SnapshotId: id }))).Size).toBe(6);
    const copy = await other.send(new CopySnapshotCommand({ SourceRegion: 'us-east-1', SourceSnapshotId: id }));
    const copied = (await snapshots({ SnapshotIds: [copy.SnapshotId!] }, other))[0];
    expect(copied).toMatchObject({ VolumeId: 'vol-ffffffff', VolumeSize: 6, Description: `[Copied ${id} from us-east-1]`, OwnerId: OTHER });

    await t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, CreateVolumePermission: { Add: [{ Group: 'all' }], Remove: [{ UserId: OTHER }] } }));
    expect((await t.ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission' }))).CreateVolumePermissions).toEqual([{ Group: 'all' }]);
    expect(ids(await snapshots({ RestorableByUserIds: ['all'] }, other))).toContain(id);
    await t.ec2.send(new ResetSnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission' }));
    expect((await t.ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: 'createVolumePermission' }))).CreateVolumePermissions).toEqual([]);
    await expectEc2Error(snapshots({ SnapshotIds: [id] }, other), { code: 'InvalidSnapshot.NotFound' });
  });

  it('CopySnapshot into another region, from an unknown snapshot', async () => {
    const s = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: await newVolume(2), Description: 'src' }));
    const west = t.client({ region: 'us-west-2' });
    const copy = await west.send(new CopySnapshotCommand({ SourceRegion: 'us-east-1', SourceSnapshotId: s.SnapshotId, Description: 'mine' }));
    expect((await snapshots({ SnapshotIds: [copy.SnapshotId!] }, west))[0]).toMatchObject({ Description: 'mine', State: 'pending' });
    await expectEc2Error(west.send(new CopySnapshotCommand({ SourceRegion: 'us-west-2', SourceSnapshotId: s.SnapshotId })), { code: 'InvalidSnapshot.NotFound' });
  });
});
