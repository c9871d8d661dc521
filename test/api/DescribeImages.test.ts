/**
 * DescribeImages through the SDK v3: the public images of the fixture, ImageIds (known, unknown, malformed),
 * Owners, filters, pagination, DryRun; and that what it lists is consistent (launchable ids, platform fields).
 */
import { DescribeImagesCommand, DescribeImagesCommandInput, Image, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { DRY_RUN } from '../helpers/api';
import { AMI } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let all: Image[];

beforeAll(async () => {
  t = await startTestServer();
  all = (await t.ec2.send(new DescribeImagesCommand({}))).Images!;
});
afterAll(() => t.close());

const images = (input: DescribeImagesCommandInput) => t.ec2.send(new DescribeImagesCommand(input));
const idsOf = (list?: Image[]) => (list ?? []).map((i) => i.ImageId!).sort();
/** The wire value is `windows` (the SDK's enum type says `Windows`). */
const isWindows = (i: Image) => (i.Platform as string | undefined) === 'windows';

describe('behaviour', () => {
  it('lists the public images of the fixture, owned by Amazon accounts', () => {
    expect(all.length).toBeGreaterThan(40);
    const amzn = all.find((i) => i.ImageId === AMI)!;
    expect(amzn).toMatchObject({
      ImageId: AMI,
      Name: 'amzn-ami-hvm-2017.09.1.20171103-x86_64-gp2',
      State: 'available',
      Public: true,
      Architecture: 'x86_64',
      ImageType: 'machine',
      RootDeviceType: 'ebs',
      RootDeviceName: '/dev/xvda',
      VirtualizationType: 'hvm',
      OwnerId: '137112412989',
      ImageOwnerAlias: 'amazon',
      PlatformDetails: 'Linux/UNIX',
    });
    expect(amzn.Platform).toBeUndefined();
  });

  it('ImageIds: exactly those', async () => {
    const out = await images({ ImageIds: [AMI, 'ami-03cf127a'] });
    expect(idsOf(out.Images)).toEqual(['ami-03cf127a', AMI].sort());
    expect(out.Images!.find((i) => i.ImageId === 'ami-03cf127a')!.Platform).toBe('windows');
  });

  it('Owners: amazon and an owner id list images; self lists none', async () => {
    expect(idsOf((await images({ Owners: ['amazon'] })).Images)).toEqual(idsOf(all));
    const ubuntu = await images({ Owners: ['099720109477'] });
    expect(ubuntu.Images!.length).toBeGreaterThan(0);
    expect(ubuntu.Images!.every((i) => i.OwnerId === '099720109477')).toBe(true);
    expect((await images({ Owners: ['self'] })).Images).toEqual([]);
  });

  it.each([
    ['architecture', ['arm64'], (i: Image) => i.Architecture === 'arm64'],
    ['platform', ['windows'], (i: Image) => (i.Platform as string) === 'windows'],
    ['name', ['ubuntu/*'], (i: Image) => i.Name!.startsWith('ubuntu/')],
    ['image-id', [AMI], (i: Image) => i.ImageId === AMI],
    ['virtualization-type', ['paravirtual'], (i: Image) => i.VirtualizationType === 'paravirtual'],
    ['root-device-type', ['instance-store'], (i: Image) => i.RootDeviceType === 'instance-store'],
    ['owner-id', ['099720109477'], (i: Image) => i.OwnerId === '099720109477'],
    ['is-public', ['true'], () => true],
    ['state', ['available'], (i: Image) => i.State === 'available'],
  ])('filter %s', async (Name, Values, predicate) => {
    const expected = idsOf(all.filter(predicate));
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf((await images({ Filters: [{ Name, Values }] })).Images)).toEqual(expected);
  });

  it('pages with MaxResults / NextToken; the SDK paginator collects every image once', async () => {
    const first = await images({ MaxResults: 10 });
    expect(first.Images).toHaveLength(10);
    expect(first.NextToken).toEqual(expect.any(String));
    const seen: string[] = [];
    for await (const page of paginateDescribeImages({ client: t.ec2, pageSize: 10 }, {})) seen.push(...page.Images!.map((i) => i.ImageId!));
    expect(seen.sort()).toEqual(idsOf(all));
  });

  it('every listed image can be described by its own id', async () => {
    const out = await images({ ImageIds: all.map((i) => i.ImageId!) });
    expect(idsOf(out.Images)).toEqual(idsOf(all));
  });

  it('a Linux image has no Platform and PlatformDetails Linux/UNIX', async () => {
    const [amzn2] = (await images({ ImageIds: ['ami-04681a1dbd79675a5'] })).Images!;
    expect(amzn2.Name).toBe('amzn2-ami-hvm-2.0.20180810-x86_64-gp2');
    expect([amzn2.Platform, amzn2.PlatformDetails]).toEqual([undefined, 'Linux/UNIX']);
  });
});

describe('block device mappings', () => {
  it('an EBS image maps its root device to a snapshot: size, type, delete on termination', () => {
    const amzn = all.find((i) => i.ImageId === AMI)!;
    expect(amzn.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, SnapshotId: expect.stringMatching(/^snap-[0-9a-f]{17}$/), VolumeSize: 8, VolumeType: 'gp2', Encrypted: false } },
    ]);
    const windows = all.find((i) => isWindows(i))!;
    expect(windows.BlockDeviceMappings).toEqual([expect.objectContaining({ DeviceName: '/dev/sda1', Ebs: expect.objectContaining({ VolumeSize: 30 }) })]);
  });

  it("every EBS image has a mapping for its root device name (what amazon.aws's ec2_instance reads), with its own snapshot", () => {
    const ebs = all.filter((i) => i.RootDeviceType === 'ebs');
    expect(ebs.length).toBe(70); // moto's list, today's Amazon Linux and the Ubuntu LTS images (fixtures/images.json)
    for (const image of ebs) expect(image.BlockDeviceMappings!.map((m) => m.DeviceName)).toEqual([image.RootDeviceName]);
    const snapshots = ebs.map((i) => i.BlockDeviceMappings![0].Ebs!.SnapshotId);
    expect(new Set(snapshots).size).toBe(ebs.length);
  });

  it('the block-device-mapping.* filters reach the EBS fields', async () => {
    const amzn = all.find((i) => i.ImageId === AMI)!;
    const snapshot = amzn.BlockDeviceMappings![0].Ebs!.SnapshotId!;
    expect(idsOf((await images({ Filters: [{ Name: 'block-device-mapping.snapshot-id', Values: [snapshot] }] })).Images)).toEqual([AMI]);
    const big = await images({ Filters: [{ Name: 'block-device-mapping.volume-size', Values: ['30'] }] });
    expect(idsOf(big.Images)).toEqual(idsOf(all.filter(isWindows)));
    const root = await images({ Filters: [{ Name: 'block-device-mapping.device-name', Values: ['/dev/xvda'] }, { Name: 'block-device-mapping.volume-type', Values: ['gp2'] }] });
    const gp2Xvda = all.filter((i) => i.RootDeviceName === '/dev/xvda' && i.BlockDeviceMappings?.[0]?.Ebs?.VolumeType === 'gp2');
    expect(gp2Xvda.length).toBeGreaterThan(0);
    expect(gp2Xvda.length).toBeLessThan(all.filter((i) => i.RootDeviceName === '/dev/xvda').length); // AL2023's roots are gp3
    expect(idsOf(root.Images)).toEqual(idsOf(gp2Xvda));
    const kept = await images({ Filters: [{ Name: 'block-device-mapping.delete-on-termination', Values: ['false'] }] });
    expect(kept.Images).toEqual([]);
  });
});

describe('errors', () => {
  it('unknown ids: one and several', async () => {
    await expectEc2Error(images({ ImageIds: ['ami-0123456789abcdef0'] }), { code: 'InvalidAMIID.NotFound', message: "The image id '[ami-0123456789abcdef0]' does not exist" });
    await expectEc2Error(images({ ImageIds: ['ami-0123456789abcdef0', AMI, 'ami-11111111'] }), {
      code: 'InvalidAMIID.NotFound',
      message: "The image ids '[ami-0123456789abcdef0, ami-11111111]' do not exist",
    });
  });

  it('a malformed id', async () => {
    await expectEc2Error(images({ ImageIds: ['ubuntu'] }), { code: 'InvalidAMIID.Malformed', message: 'Invalid id: "ubuntu" (expecting "ami-...")' });
  });

  it('an unknown filter', async () => {
    await expectEc2Error(images({ Filters: [{ Name: 'colour', Values: ['x'] }] }), { code: 'InvalidParameterValue', message: "The filter 'colour' is invalid" });
  });

  it('DryRun: 412', async () => {
    await expectEc2Error(images({ DryRun: true }), DRY_RUN);
  });
});
