/**
 * The compute story of issue 17 through the SDK v3: launch from a launch template with three interfaces and two data
 * volumes; stop, detach a volume and snapshot it; create an image from the instance and launch a second instance
 * from that image; terminate both and see which volumes and interfaces survive by their delete-on-termination flags.
 */
import {
  CreateImageCommand,
  CreateLaunchTemplateCommand,
  CreateSnapshotCommand,
  DescribeImagesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DetachVolumeCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  Volume,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { AMI, describeInstance, TestNetwork } from '../helpers/network';
import { TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'once', config: { snapshotMs: 3000 } }, (env) => ({ t, net } = env));

const volumesOf = async (instanceId: string): Promise<Volume[]> =>
  (await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] }))).Volumes ?? [];
const byDevice = (vols: Volume[]) => new Map(vols.map((v) => [v.Attachments![0].Device!, v]));

it('template launch, stop, detach and snapshot, image, second launch, terminate both', async () => {
  const template = await t.ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'story',
      LaunchTemplateData: {
        ImageId: AMI,
        InstanceType: 'm5.xlarge',
        NetworkInterfaces: [
          { DeviceIndex: 0, SubnetId: net.subnetA1, Description: 'primary' },
          { DeviceIndex: 1, SubnetId: net.subnetA2, DeleteOnTermination: false, Description: 'data' },
          { DeviceIndex: 2, SubnetId: net.subnetA2, DeleteOnTermination: true, Description: 'replication' },
        ],
        BlockDeviceMappings: [
          { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 5, VolumeType: 'gp3', DeleteOnTermination: false } },
          { DeviceName: '/dev/sdg', Ebs: { VolumeSize: 3, DeleteOnTermination: true } },
        ],
      },
    }),
  );
  const first = (await t.ec2.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateId: template.LaunchTemplate!.LaunchTemplateId } })))
    .Instances![0].InstanceId!;
  t.advance(10_000);
  const running = await describeInstance(t.ec2, first);
  expect(running.State!.Name).toBe('running');
  expect(running.NetworkInterfaces).toHaveLength(3);
  const nics = new Map(running.NetworkInterfaces!.map((n) => [n.Attachment!.DeviceIndex!, n.NetworkInterfaceId!]));
  const vols = byDevice(await volumesOf(first));
  expect([...vols.keys()].sort()).toEqual(['/dev/sdf', '/dev/sdg', '/dev/xvda']);
  const [root1, sdf, sdg] = ['/dev/xvda', '/dev/sdf', '/dev/sdg'].map((d) => vols.get(d)!.VolumeId!);

  // stop, detach /dev/sdg, snapshot it
  await t.ec2.send(new StopInstancesCommand({ InstanceIds: [first] }));
  t.advance(10_000);
  expect((await describeInstance(t.ec2, first)).State!.Name).toBe('stopped');
  await t.ec2.send(new DetachVolumeCommand({ VolumeId: sdg }));
  t.advance(10_000);
  const detachedSnap = (await t.ec2.send(new CreateSnapshotCommand({ VolumeId: sdg, Description: 'detached data' }))).SnapshotId!;

  // an image of the stopped instance: its two remaining volumes
  const imageId = (await t.ec2.send(new CreateImageCommand({ InstanceId: first, Name: 'story-image' }))).ImageId!;
  t.advance(3000);
  const img = (await t.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images![0];
  expect(img.State).toBe('available');
  expect(img.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs!.VolumeSize, m.Ebs!.VolumeType, m.Ebs!.DeleteOnTermination])).toEqual([
    ['/dev/xvda', 8, 'gp2', true],
    ['/dev/sdf', 5, 'gp3', false],
  ]);
  const snaps = (await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [detachedSnap, ...img.BlockDeviceMappings!.map((m) => m.Ebs!.SnapshotId!)] }))).Snapshots!;
  expect(snaps.map((s) => s.State)).toEqual(['completed', 'completed', 'completed']);

  // a second instance from the image: its volumes come from the image's snapshots
  const second = (await t.ec2.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, ImageId: imageId, SubnetId: net.subnetB }))).Instances![0].InstanceId!;
  t.advance(10_000);
  const vols2 = byDevice(await volumesOf(second));
  expect([...vols2.entries()].map(([d, v]) => [d, v.Size, v.SnapshotId, v.Attachments![0].DeleteOnTermination]).sort()).toEqual(
    img.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs!.VolumeSize, m.Ebs!.SnapshotId, m.Ebs!.DeleteOnTermination]).sort(),
  );
  const nic2 = (await describeInstance(t.ec2, second)).NetworkInterfaces![0].NetworkInterfaceId!;
  const [root2, sdf2] = ['/dev/xvda', '/dev/sdf'].map((d) => vols2.get(d)!.VolumeId!);

  // terminate both: what survives is what said delete-on-termination false (and what was detached)
  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [first, second] }));
  t.advance(10_000);
  const left = (await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: undefined }))).Volumes!;
  const leftIds = new Set(left.map((v) => v.VolumeId));
  expect([root1, sdf, sdg, root2, sdf2].map((v) => leftIds.has(v))).toEqual([false, true, true, false, true]);
  expect(left.filter((v) => [sdf, sdg, sdf2].includes(v.VolumeId!)).map((v) => v.State)).toEqual(['available', 'available', 'available']);
  const enis = new Set(((await t.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId));
  expect([nics.get(0), nics.get(1), nics.get(2), nic2].map((n) => enis.has(n))).toEqual([false, true, false, false]);
  // the image and its snapshots outlive both instances
  expect((await t.ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!.map((i) => i.ImageId)).toEqual([imageId]);
});
