/**
 * RunInstances through the SDK v3: every validation rule (parameter mixes, device index 0, unknown type, AMIs,
 * counts), address and limit errors, MinCount/MaxCount capacity, the shape of what is launched (top-level and
 * NetworkInterface.N forms, existing interfaces, tags, public IPs), ClientToken idempotency and DryRun. Whenever a
 * launch fails, nothing is left behind (no instance, no interface, no address).
 */
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  ImportKeyPairCommand,
  ModifySubnetAttributeCommand,
  RunInstancesCommand,
  RunInstancesCommandInput,
  StartInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, MISSING } from '../helpers/api';
import { ED25519_PUBLIC } from '../helpers/keys';
import { AMI, availableIps, createNetwork, describeInstance, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, rawQuery, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;

beforeAll(async () => {
  t = await startTestServer({ stoppingMs: 0, pendingMs: 0 });
});
afterAll(() => t.close());
beforeEach(async () => {
  net = await createNetwork(t.ec2);
});

const run = (input: Partial<RunInstancesCommandInput>) =>
  t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', ...input } as RunInstancesCommandInput));
const nic0 = () => ({ DeviceIndex: 0, SubnetId: net.subnetA1 });

/** Instances and interfaces in the test VPC, and the free addresses of its subnets: unchanged after a failed launch. */
async function vpcState() {
  const byVpc = [{ Name: 'vpc-id', Values: [net.vpcId] }];
  const [instances, enis, subnets] = await Promise.all([
    t.ec2.send(new DescribeInstancesCommand({ Filters: byVpc })),
    t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: byVpc })),
    t.ec2.send(new DescribeSubnetsCommand({ Filters: byVpc })),
  ]);
  return {
    instances: instances.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId)),
    enis: enis.NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.Status]),
    free: subnets.Subnets!.map((s) => [s.SubnetId, s.AvailableIpAddressCount]),
  };
}

/** Expects the launch to fail with this error and to leave the VPC exactly as it was. */
async function expectLaunchError(input: Partial<RunInstancesCommandInput>, error: { code: string; message: string | RegExp }) {
  const before = await vpcState();
  await expectEc2Error(run(input), error);
  expect(await vpcState()).toEqual(before);
}

async function defaultGroupId(vpcId: string) {
  const out = await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }));
  return out.SecurityGroups![0].GroupId!;
}

describe('validation', () => {
  it.each([
    ['SubnetId', () => ({ SubnetId: net.subnetA1 }), 'Network interfaces and an instance-level subnet ID may not be specified on the same request'],
    ['SecurityGroupIds', () => ({ SecurityGroupIds: [MISSING.sg] }), 'Network interfaces and an instance-level security groups may not be specified on the same request'],
    ['SecurityGroups', () => ({ SecurityGroups: ['default'] }), 'Network interfaces and an instance-level security groups may not be specified on the same request'],
    ['PrivateIpAddress', () => ({ PrivateIpAddress: '10.0.1.10' }), 'Network interfaces and an instance-level private IP address may not be specified on the same request'],
  ])('NetworkInterface.N with an instance-level %s is InvalidParameterCombination', async (_name, extra, message) => {
    await expectLaunchError({ NetworkInterfaces: [nic0()], ...extra() }, { code: 'InvalidParameterCombination', message });
  });

  it('network interface specs: index 0 required, unique indexes, a device index on each', async () => {
    await expectLaunchError(
      { NetworkInterfaces: [{ DeviceIndex: 1, SubnetId: net.subnetA1 }] },
      { code: 'InvalidParameterValue', message: 'When specifying network interfaces, you must include a device at index 0' },
    );
    await expectLaunchError(
      { InstanceType: 'm5.xlarge', NetworkInterfaces: [nic0(), { DeviceIndex: 1, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] },
      { code: 'InvalidParameterValue', message: 'Each network interface requires a unique device index. Duplicate: 1.' },
    );
    await expectLaunchError(
      { NetworkInterfaces: [nic0(), { SubnetId: net.subnetA1 }] },
      { code: 'InvalidParameterValue', message: 'Each network interface requires a device index.' },
    );
  });

  it('an existing interface id cannot come with a subnet, addresses or groups; nor twice', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectLaunchError(
      { NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: eni.NetworkInterfaceId, SubnetId: net.subnetA1 }] },
      {
        code: 'InvalidParameterCombination',
        message: 'A network interface ID cannot be specified together with a subnet, private IP addresses or security groups for the same network interface.',
      },
    );
    await expectLaunchError(
      { NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: eni.NetworkInterfaceId }, { DeviceIndex: 1, NetworkInterfaceId: eni.NetworkInterfaceId }] },
      { code: 'InvalidParameterValue', message: `Network interface ${eni.NetworkInterfaceId} is specified more than once.` },
    );
  });

  it('AssociatePublicIpAddress only with a single new interface', async () => {
    await expectLaunchError(
      { NetworkInterfaces: [{ ...nic0(), AssociatePublicIpAddress: true }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] },
      { code: 'InvalidParameterCombination', message: 'The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.' },
    );
  });

  it('unknown instance type', async () => {
    await expectLaunchError({ SubnetId: net.subnetA1, InstanceType: 't9.mega' as never }, { code: 'InvalidParameterValue', message: "Invalid value 't9.mega' for InstanceType." });
  });

  it('a malformed AMI id is rejected; an unknown well-formed one is accepted', async () => {
    await expectLaunchError({ SubnetId: net.subnetA1, ImageId: 'ami-xyz' }, { code: 'InvalidAMIID.Malformed', message: 'Invalid id: "ami-xyz" (expecting "ami-...")' });
    await expectLaunchError({ SubnetId: net.subnetA1, ImageId: 'centos7' }, { code: 'InvalidAMIID.Malformed', message: 'Invalid id: "centos7" (expecting "ami-...")' });
    const out = await run({ SubnetId: net.subnetA1, ImageId: 'ami-0123456789abcdef0' });
    expect(out.Instances![0].ImageId).toBe('ami-0123456789abcdef0');
    expect((await describeInstance(t.ec2, out.Instances![0].InstanceId!)).State!.Name).toBe('running');
  });

  it('MinCount / MaxCount', async () => {
    await expectLaunchError({ SubnetId: net.subnetA1, MinCount: 1, MaxCount: 0 }, { code: 'InvalidParameterValue', message: 'Maximum instance count must be greater than zero' });
    await expectLaunchError({ SubnetId: net.subnetA1, MinCount: 0, MaxCount: 1 }, { code: 'InvalidParameterValue', message: 'Minimum instance count must be greater than zero' });
    await expectLaunchError(
      { SubnetId: net.subnetA1, MinCount: 3, MaxCount: 2 },
      { code: 'InvalidParameterValue', message: "Invalid value '2' for parameter maxCount. The maxCount must be equal to or greater than the minCount '3'." },
    );
  });

  it('MaxCount > 1 with an existing interface or a fixed private address', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    const message = 'A network interface ID or a specific private IP address can only be used to launch a single instance.';
    await expectLaunchError({ MaxCount: 2, NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: eni.NetworkInterfaceId }] }, { code: 'InvalidParameterCombination', message });
    await expectLaunchError({ MaxCount: 2, SubnetId: net.subnetA1, PrivateIpAddress: '10.0.1.50' }, { code: 'InvalidParameterCombination', message });
    await expectLaunchError({ MaxCount: 2, NetworkInterfaces: [{ ...nic0(), PrivateIpAddress: '10.0.1.50' }] }, { code: 'InvalidParameterCombination', message });
  });

  it('unknown subnet, security group, group name and key pair', async () => {
    await expectLaunchError({ SubnetId: MISSING.subnet }, { code: 'InvalidSubnetID.NotFound', message: `The subnet ID '${MISSING.subnet}' does not exist` });
    await expectLaunchError({ SubnetId: net.subnetA1, SecurityGroupIds: [MISSING.sg] }, { code: 'InvalidGroup.NotFound', message: `The security group '${MISSING.sg}' does not exist` });
    await expectLaunchError(
      { SubnetId: net.subnetA1, SecurityGroups: ['nope'] },
      { code: 'InvalidGroup.NotFound', message: `The security group 'nope' does not exist in VPC '${net.vpcId}'` },
    );
    await expectLaunchError({ SubnetId: net.subnetA1, KeyName: 'nokey' }, { code: 'InvalidKeyPair.NotFound', message: "The key pair 'nokey' does not exist" });
  });

  it('all interfaces in one zone and one VPC', async () => {
    await expectLaunchError(
      { NetworkInterfaces: [nic0(), { DeviceIndex: 1, SubnetId: net.subnetB }] },
      { code: 'InvalidParameterValue', message: 'Network interface zone invalid for instance' },
    );
    const other = await createNetwork(t.ec2, '10.6.0.0/16');
    await expectLaunchError(
      { NetworkInterfaces: [nic0(), { DeviceIndex: 1, SubnetId: other.subnetA1 }] },
      { code: 'InvalidParameterValue', message: 'Network interface vpc invalid for instance' },
    );
  });

  it('Placement.AvailabilityZone must match the subnet', async () => {
    await expectLaunchError(
      { SubnetId: net.subnetA1, Placement: { AvailabilityZone: 'us-east-1b' } },
      { code: 'InvalidParameterValue', message: `Value (us-east-1b) for parameter availabilityZone is invalid. Subnet '${net.subnetA1}' is in the availability zone us-east-1a` },
    );
  });

  it('a TagSpecification for a resource type the launch does not create', async () => {
    await expectLaunchError(
      { SubnetId: net.subnetA1, TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'a', Value: 'b' }] }] },
      { code: 'InvalidParameterValue', message: "'vpc' is not a valid taggable resource type for this operation." },
    );
  });
});

describe('errors', () => {
  it('an existing interface that is unknown or already attached', async () => {
    await expectLaunchError(
      { NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: MISSING.eni }] },
      { code: 'InvalidNetworkInterfaceID.NotFound', message: `The networkInterface ID '${MISSING.eni}' does not exist` },
    );
    const first = await run({ SubnetId: net.subnetA1 });
    const primary = first.Instances![0].NetworkInterfaces![0].NetworkInterfaceId!;
    await expectLaunchError({ NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: primary }] }, { code: 'InvalidNetworkInterface.InUse', message: `Interface: [${primary}] in use.` });
  });

  it('InvalidIPAddress.InUse for an address another interface holds (both forms)', async () => {
    await createEni(t.ec2, net.subnetA1, { PrivateIpAddress: '10.0.1.20' });
    await expectLaunchError({ SubnetId: net.subnetA1, PrivateIpAddress: '10.0.1.20' }, { code: 'InvalidIPAddress.InUse', message: 'Address 10.0.1.20 is in use.' });
    await expectLaunchError({ NetworkInterfaces: [{ ...nic0(), PrivateIpAddress: '10.0.1.20' }] }, { code: 'InvalidIPAddress.InUse', message: 'Address 10.0.1.20 is in use.' });
    // a secondary interface's address clashing: the primary created before it is rolled back too
    await expectLaunchError(
      { NetworkInterfaces: [nic0(), { DeviceIndex: 1, SubnetId: net.subnetA1, PrivateIpAddress: '10.0.1.20' }] },
      { code: 'InvalidIPAddress.InUse', message: 'Address 10.0.1.20 is in use.' },
    );
  });

  it('an address outside the subnet or reserved', async () => {
    await expectLaunchError({ SubnetId: net.subnetA1, PrivateIpAddress: '10.0.2.9' }, { code: 'InvalidParameterValue', message: "Address 10.0.2.9 does not fall within the subnet's address range" });
    await expectLaunchError({ SubnetId: net.subnetA1, PrivateIpAddress: '10.0.1.1' }, { code: 'InvalidParameterValue', message: "Address 10.0.1.1 is in subnet's reserved address range" });
  });

  it('AttachmentLimitExceeded when the launch has more interfaces than the type allows', async () => {
    await expectLaunchError(
      { InstanceType: 't3.micro', NetworkInterfaces: [0, 1, 2].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) },
      { code: 'AttachmentLimitExceeded', message: 'Interface count 3 exceeds the limit for t3.micro' },
    );
    await expectLaunchError(
      { InstanceType: 'm5.large', NetworkInterfaces: [0, 1, 2, 3].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) },
      { code: 'AttachmentLimitExceeded', message: 'Interface count 4 exceeds the limit for m5.large' },
    );
    const ok = await run({ InstanceType: 'm5.large', NetworkInterfaces: [0, 1, 2].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })) });
    expect(ok.Instances![0].NetworkInterfaces).toHaveLength(3);
  });

  it('PrivateIpAddressLimitExceeded when an interface asks for more addresses than the type allows', async () => {
    const error = { code: 'PrivateIpAddressLimitExceeded', message: 'Number of private addresses will exceed limit.' };
    // t3.micro: 2 addresses per interface, counting the primary
    await expectLaunchError({ InstanceType: 't3.micro', NetworkInterfaces: [{ ...nic0(), SecondaryPrivateIpAddressCount: 2 }] }, error);
    await expectLaunchError(
      {
        InstanceType: 't3.micro',
        NetworkInterfaces: [{ ...nic0(), PrivateIpAddresses: ['10.0.1.10', '10.0.1.11', '10.0.1.12'].map((ip, k) => ({ PrivateIpAddress: ip, Primary: k === 0 })) }],
      },
      error,
    );
    const ok = await run({ InstanceType: 't3.micro', NetworkInterfaces: [{ ...nic0(), SecondaryPrivateIpAddressCount: 1 }] });
    expect(ok.Instances![0].NetworkInterfaces![0].PrivateIpAddresses).toHaveLength(2);
  });

  it('MinCount / MaxCount capacity in a /28: as many as fit up to MaxCount; fewer than MinCount is InsufficientFreeAddressesInSubnet', async () => {
    const small = (await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '10.0.9.0/28', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    const full = (s: string) => ({ code: 'InsufficientFreeAddressesInSubnet', message: `There are not enough free addresses in subnet '${s}' to satisfy the requested number of instances.` });
    await expectEc2Error(run({ SubnetId: small, MinCount: 12, MaxCount: 12 }), full(small));
    expect(await availableIps(t.ec2, small)).toBe(11);
    // two addresses per instance: at most 5 fit
    await expectEc2Error(run({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: small, SecondaryPrivateIpAddressCount: 1 }], MinCount: 6, MaxCount: 6 }), full(small));
    const some = await run({ SubnetId: small, MinCount: 4, MaxCount: 20 });
    expect(some.Instances).toHaveLength(11);
    expect(new Set(some.Instances!.map((i) => i.PrivateIpAddress)).size).toBe(11);
    expect(some.Instances!.map((i) => i.AmiLaunchIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await availableIps(t.ec2, small)).toBe(0);
    await expectEc2Error(run({ SubnetId: small }), full(small));
  });
});

describe('behaviour', () => {
  it('a launch: reservation, pending, placement and addresses from the primary, default group, DOT interfaces', async () => {
    const out = await run({ SubnetId: net.subnetA1, ClientToken: `ct-${Date.now()}` });
    expect(out.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(out.OwnerId).toBe('123456789012');
    expect(out.Groups).toEqual([]);
    const [i] = out.Instances!;
    expect(i.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    const group = await defaultGroupId(net.vpcId);
    expect(i).toMatchObject({
      ImageId: AMI,
      InstanceType: 'm5.large',
      State: { Code: 0, Name: 'pending' },
      AmiLaunchIndex: 0,
      SubnetId: net.subnetA1,
      VpcId: net.vpcId,
      PrivateIpAddress: '10.0.1.4',
      PrivateDnsName: 'ip-10-0-1-4.ec2.internal',
      Placement: { AvailabilityZone: 'us-east-1a', Tenancy: 'default' },
      SecurityGroups: [{ GroupId: group, GroupName: 'default' }],
      SourceDestCheck: true,
      Tags: [],
    });
    expect(i.PublicIpAddress).toBeUndefined();
    expect(i.LaunchTime).toBeInstanceOf(Date);
    expect(i.NetworkInterfaces).toHaveLength(1);
    expect(i.NetworkInterfaces![0]).toMatchObject({
      SubnetId: net.subnetA1,
      PrivateIpAddress: '10.0.1.4',
      Status: 'in-use',
      Attachment: { DeviceIndex: 0, DeleteOnTermination: true, Status: 'attaching', NetworkCardIndex: 0 },
      Groups: [{ GroupId: group, GroupName: 'default' }],
    });
    // the back end moves it to running (delays are 0 here)
    const seen = await describeInstance(t.ec2, i.InstanceId!);
    expect(seen.State).toEqual({ Code: 16, Name: 'running' });
    expect(seen.NetworkInterfaces![0].Attachment!.Status).toBe('attached');
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(250);
  });

  it('without a subnet the instance goes to the default subnet, which maps a public IP', async () => {
    const out = await run({});
    const [i] = out.Instances!;
    const defaults = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }, { Name: 'availability-zone', Values: ['us-east-1a'] }] }));
    expect(i.SubnetId).toBe(defaults.Subnets![0].SubnetId);
    expect(i.PrivateIpAddress).toMatch(/^172\.31\./);
    expect(i.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(i.NetworkInterfaces![0].Association).toMatchObject({ PublicIp: i.PublicIpAddress, IpOwnerId: 'amazon' });
  });

  it('Placement.AvailabilityZone without a subnet picks the default subnet of that zone', async () => {
    const out = await run({ Placement: { AvailabilityZone: 'us-east-1b' } });
    const defaults = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }, { Name: 'availability-zone', Values: ['us-east-1b'] }] }));
    expect(out.Instances![0]).toMatchObject({ SubnetId: defaults.Subnets![0].SubnetId, Placement: { AvailabilityZone: 'us-east-1b' } });
  });

  it('top-level SubnetId, SecurityGroupIds / SecurityGroups (names), PrivateIpAddress, KeyName, UserData', async () => {
    const web = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: net.vpcId, GroupName: 'web', Description: 'web' }))).GroupId!;
    const db = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: net.vpcId, GroupName: 'db', Description: 'db' }))).GroupId!;
    const keyName = `k-${Date.now()}`;
    await t.ec2.send(new ImportKeyPairCommand({ KeyName: keyName, PublicKeyMaterial: new TextEncoder().encode(ED25519_PUBLIC) }));
    const out = await run({ SubnetId: net.subnetA2, SecurityGroupIds: [web], SecurityGroups: ['db'], PrivateIpAddress: '10.0.2.77', KeyName: keyName, UserData: Buffer.from('#!/bin/sh').toString('base64') });
    const i = out.Instances![0];
    expect(i).toMatchObject({ SubnetId: net.subnetA2, PrivateIpAddress: '10.0.2.77', KeyName: keyName });
    expect(i.SecurityGroups!.map((g) => g.GroupId).sort()).toEqual([web, db].sort());
  });

  it('NetworkInterface.N: new interfaces (addresses, groups, description, DOT) and an existing one (DOT false unless asked)', async () => {
    const web = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: net.vpcId, GroupName: 'web', Description: 'web' }))).GroupId!;
    const existing = await createEni(t.ec2, net.subnetA2, { Description: 'pre-made' });
    const out = await run({
      InstanceType: 'm5.xlarge',
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA1, PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.30', Primary: true }, { PrivateIpAddress: '10.0.1.31' }], Groups: [web] },
        { DeviceIndex: 1, SubnetId: net.subnetA2, SecondaryPrivateIpAddressCount: 2, Description: 'data', DeleteOnTermination: false },
        { DeviceIndex: 2, NetworkInterfaceId: existing.NetworkInterfaceId },
      ],
    });
    const i = out.Instances![0];
    const byIndex = [...i.NetworkInterfaces!].sort((a, b) => a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex!);
    expect(byIndex.map((n) => [n.Attachment!.DeviceIndex, n.SubnetId, n.Attachment!.DeleteOnTermination, n.Description])).toEqual([
      [0, net.subnetA1, true, ''],
      [1, net.subnetA2, false, 'data'],
      [2, net.subnetA2, false, 'pre-made'],
    ]);
    expect(byIndex[0].PrivateIpAddresses!.map((p) => [p.PrivateIpAddress, p.Primary])).toEqual([
      ['10.0.1.30', true],
      ['10.0.1.31', false],
    ]);
    expect(byIndex[0].Groups!.map((g) => g.GroupId)).toEqual([web]);
    expect(byIndex[1].PrivateIpAddresses).toHaveLength(3);
    expect(byIndex[2].NetworkInterfaceId).toBe(existing.NetworkInterfaceId);
    expect(byIndex[2].PrivateIpAddress).toBe(existing.PrivateIpAddress);
    expect(i).toMatchObject({ SubnetId: net.subnetA1, PrivateIpAddress: '10.0.1.30', SecurityGroups: [{ GroupId: web, GroupName: 'web' }] });
    expect(new Set(byIndex.map((n) => n.MacAddress)).size).toBe(3);
    // an existing interface passed by id can be given delete-on-termination explicitly
    const again = await createEni(t.ec2, net.subnetA1);
    const withDot = await run({ NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: again.NetworkInterfaceId, DeleteOnTermination: true }] });
    expect(withDot.Instances![0].NetworkInterfaces![0].Attachment!.DeleteOnTermination).toBe(true);
    expect(withDot.Instances![0].SubnetId).toBe(net.subnetA1);
  });

  it('TagSpecifications: instance tags on each instance, network-interface tags on every interface the launch creates', async () => {
    const existing = await createEni(t.ec2, net.subnetA2);
    const out = await run({
      MinCount: 2,
      MaxCount: 2,
      NetworkInterfaces: [nic0(), { DeviceIndex: 1, SubnetId: net.subnetA2 }],
      TagSpecifications: [
        { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] },
        { ResourceType: 'network-interface', Tags: [{ Key: 'nic', Value: 'yes' }] },
      ],
    });
    expect(out.Instances!.map((i) => i.Tags)).toEqual([[{ Key: 'Name', Value: 'web' }], [{ Key: 'Name', Value: 'web' }]]);
    const created = out.Instances!.flatMap((i) => i.NetworkInterfaces!.map((n) => n.NetworkInterfaceId!));
    expect(created).toHaveLength(4);
    for (const id of created) expect((await describeInterface(t.ec2, id)).TagSet).toEqual([{ Key: 'nic', Value: 'yes' }]);
    const tagged = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'tag:nic', Values: ['yes'] }] }));
    expect(tagged.NetworkInterfaces!.map((n) => n.NetworkInterfaceId).sort()).toEqual([...created].sort());
    expect((await describeInterface(t.ec2, existing.NetworkInterfaceId!)).TagSet).toEqual([]);
    const byTag = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['web'] }, { Name: 'vpc-id', Values: [net.vpcId] }] }));
    expect(byTag.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual(out.Instances!.map((i) => i.InstanceId));
  });

  it('MinCount = MaxCount = 3: one reservation, launch indexes 0..2, distinct addresses', async () => {
    const out = await run({ SubnetId: net.subnetA1, MinCount: 3, MaxCount: 3 });
    expect(out.Instances!.map((i) => [i.AmiLaunchIndex, i.PrivateIpAddress])).toEqual([
      [0, '10.0.1.4'],
      [1, '10.0.1.5'],
      [2, '10.0.1.6'],
    ]);
    const res = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'reservation-id', Values: [out.ReservationId!] }] }));
    expect(res.Reservations).toHaveLength(1);
    expect(res.Reservations![0].Instances).toHaveLength(3);
  });

  it('ClientToken: the same token and parameters return the original reservation; other parameters are a mismatch', async () => {
    const token = `idem-${Date.now()}`;
    const first = await run({ SubnetId: net.subnetA1, ClientToken: token });
    const again = await run({ SubnetId: net.subnetA1, ClientToken: token });
    expect(again.ReservationId).toBe(first.ReservationId);
    expect(again.Instances!.map((i) => i.InstanceId)).toEqual(first.Instances!.map((i) => i.InstanceId));
    // the replay is the original answer, dates included
    expect(again.Instances).toEqual(first.Instances);
    expect(again.Instances![0].LaunchTime!.getTime()).toBe(first.Instances![0].LaunchTime!.getTime());
    expect(first.Instances![0].ClientToken).toBe(token);
    expect((await vpcState()).instances).toEqual([first.Instances![0].InstanceId]);
    await expectEc2Error(run({ SubnetId: net.subnetA2, ClientToken: token }), {
      code: 'IdempotentParameterMismatch',
      message: 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
    });
    expect((await vpcState()).instances).toEqual([first.Instances![0].InstanceId]);
    const byToken = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [token] }] }));
    expect(byToken.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([first.Instances![0].InstanceId]);
  });

  it('AssociatePublicIpAddress: a public IP that is released at stop; a new one at start', async () => {
    const out = await run({ NetworkInterfaces: [{ ...nic0(), AssociatePublicIpAddress: true }] });
    const id = out.Instances![0].InstanceId!;
    const first = out.Instances![0].PublicIpAddress!;
    expect(first).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((await describeInstance(t.ec2, id)).PublicIpAddress).toBe(first);
    const byIp = await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'ip-address', Values: [first] }] }));
    expect(byIp.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([id]);
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    const stopped = await describeInstance(t.ec2, id);
    expect(stopped.State!.Name).toBe('stopped');
    expect(stopped.PublicIpAddress).toBeUndefined();
    expect(stopped.NetworkInterfaces![0].Association).toBeUndefined();
    // someone else takes the released address meanwhile
    const other = await run({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA2, AssociatePublicIpAddress: true }] });
    expect(other.Instances![0].PublicIpAddress).toBe(first);
    await t.ec2.send(new StartInstancesCommand({ InstanceIds: [id] }));
    const started = await describeInstance(t.ec2, id);
    expect(started.State!.Name).toBe('running');
    expect(started.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(started.PublicIpAddress).not.toBe(first);
    // the private address never changes
    expect(started.PrivateIpAddress).toBe(out.Instances![0].PrivateIpAddress);
  });

  it('MapPublicIpOnLaunch on the subnet gives a public IP unless the launch says false', async () => {
    await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: net.subnetA2, MapPublicIpOnLaunch: { Value: true } }));
    const mapped = await run({ SubnetId: net.subnetA2 });
    expect(mapped.Instances![0].PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const refused = await run({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA2, AssociatePublicIpAddress: false }] });
    expect(refused.Instances![0].PublicIpAddress).toBeUndefined();
    const plain = await run({ SubnetId: net.subnetA1 });
    expect(plain.Instances![0].PublicIpAddress).toBeUndefined();
  });

  it("a launch with several interfaces gets no automatic public IP, even in a subnet that maps one (AWS can't auto-assign then)", async () => {
    await t.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: net.subnetA2, MapPublicIpOnLaunch: { Value: true } }));
    const single = await run({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA2 }] });
    expect(single.Instances![0].PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const multi = await run({ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA2 }, { DeviceIndex: 1, SubnetId: net.subnetA1 }] });
    expect(multi.Instances![0].PublicIpAddress).toBeUndefined();
    expect(multi.Instances![0].NetworkInterfaces!.map((n) => n.Association)).toEqual([undefined, undefined]);
  });

  it('an instance of a Windows image shows platform windows', async () => {
    const out = await run({ SubnetId: net.subnetA1, ImageId: 'ami-03cf127a' });
    expect([out.Instances![0].Platform, out.Instances![0].PlatformDetails]).toEqual(['windows', 'Windows']);
  });

  it('an instance of an Amazon Linux 2 image has no Platform and PlatformDetails Linux/UNIX', async () => {
    const out = await run({ SubnetId: net.subnetA1, ImageId: 'ami-04681a1dbd79675a5' });
    expect([out.Instances![0].Platform, out.Instances![0].PlatformDetails]).toEqual([undefined, 'Linux/UNIX']);
  });

  it('DryRun: 412, nothing launched, no address used, the ClientToken not consumed', async () => {
    const before = await vpcState();
    const token = `dry-${Date.now()}`;
    await expectEc2Error(run({ SubnetId: net.subnetA1, MinCount: 3, MaxCount: 3, ClientToken: token, DryRun: true }), DRY_RUN);
    expect(await vpcState()).toEqual(before);
    const real = await run({ SubnetId: net.subnetA2, ClientToken: token });
    expect(real.Instances).toHaveLength(1);
  });

  it('DryRun reports the error the launch would have', async () => {
    await expectEc2Error(run({ InstanceType: 't3.micro', NetworkInterfaces: [0, 1, 2].map((d) => ({ DeviceIndex: d, SubnetId: net.subnetA1 })), DryRun: true }), {
      code: 'AttachmentLimitExceeded',
      message: 'Interface count 3 exceeds the limit for t3.micro',
    });
  });
});

describe('user data', () => {
  it('refuses user data that is not base64, as AWS does', async () => {
    const t = await startTestServer();
    try {
      const res = await rawQuery(t.url, { Action: 'RunInstances', ImageId: 'ami-760aaa0f', MinCount: '1', MaxCount: '1', UserData: '#!/bin/sh echo hi' });
      expect(res).toMatchObject({ status: 400, code: 'InvalidUserData.Malformed', message: 'Invalid BASE64 encoding of user data.' });
    } finally {
      await t.close();
    }
  });
});
