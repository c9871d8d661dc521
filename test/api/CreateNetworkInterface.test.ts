/**
 * CreateNetworkInterface through the SDK v3: parameter validation, address / group / subnet errors with AWS's
 * codes and messages, the defaults of a new interface, address allocation, tags, ClientToken idempotency, DryRun.
 */
import {
  CreateNetworkInterfaceCommand,
  CreateNetworkInterfaceCommandInput,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, MISSING, snapshot } from '../helpers/api';
import { availableIps, createNetwork, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const create = (input: Partial<CreateNetworkInterfaceCommandInput>) =>
  t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1, ...input } as CreateNetworkInterfaceCommandInput));

async function group(vpcId: string, name: string): Promise<string> {
  return (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: name, Description: name }))).GroupId!;
}

async function defaultGroup(vpcId: string): Promise<string> {
  const out = await t.ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }),
  );
  return out.SecurityGroups![0].GroupId!;
}

describe('validation', () => {
  it('malformed and unknown subnet', async () => {
    await expectEc2Error(create({ SubnetId: 'subnet-12' }), { code: 'InvalidSubnetID.Malformed', message: 'Invalid id: "subnet-12" (expecting "subnet-...")' });
    await expectEc2Error(create({ SubnetId: MISSING.subnet }), {
      code: 'InvalidSubnetID.NotFound',
      message: `The subnet ID '${MISSING.subnet}' does not exist`,
    });
  });

  it.each([
    ['10.0.2.10', "Address 10.0.2.10 does not fall within the subnet's address range"],
    ['10.0.1.0', "Address 10.0.1.0 is in subnet's reserved address range"],
    ['10.0.1.1', "Address 10.0.1.1 is in subnet's reserved address range"],
    ['10.0.1.3', "Address 10.0.1.3 is in subnet's reserved address range"],
    ['10.0.1.255', "Address 10.0.1.255 is in subnet's reserved address range"],
    ['10.0.1.x', 'Value (10.0.1.x) for parameter privateIpAddress is invalid. This is not a valid IP address.'],
  ])('rejects the private address %s', async (ip, message) => {
    await expectEc2Error(create({ PrivateIpAddress: ip }), { code: 'InvalidParameterValue', message });
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251);
  });

  it('rejects two primaries, a duplicate address and a count together with a list', async () => {
    await expectEc2Error(
      create({ PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.10', Primary: true }, { PrivateIpAddress: '10.0.1.11', Primary: true }] }),
      { code: 'InvalidParameterValue', message: 'Only one primary private IP address can be specified.' },
    );
    await expectEc2Error(create({ PrivateIpAddress: '10.0.1.10', PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.11', Primary: true }] }), {
      code: 'InvalidParameterValue',
      message: 'Only one primary private IP address can be specified.',
    });
    await expectEc2Error(
      create({ PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.10', Primary: true }, { PrivateIpAddress: '10.0.1.12' }, { PrivateIpAddress: '10.0.1.12' }] }),
      { code: 'InvalidParameterValue', message: 'Duplicate private IP address 10.0.1.12 in the request.' },
    );
    await expectEc2Error(create({ PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.11' }], SecondaryPrivateIpAddressCount: 1 }), {
      code: 'InvalidParameterCombination',
      message: 'You may specify either a private IP address list or a secondary private IP address count, but not both.',
    });
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251);
  });

  it('security groups: unknown, another VPC, more than five', async () => {
    await expectEc2Error(create({ Groups: [MISSING.sg] }), { code: 'InvalidGroup.NotFound', message: `The security group '${MISSING.sg}' does not exist` });
    const other = await createNetwork(t.ec2, '10.7.0.0/16');
    const foreign = await defaultGroup(other.vpcId);
    await expectEc2Error(create({ Groups: [foreign] }), {
      code: 'InvalidParameter',
      message: `Security group ${foreign} and subnet ${net.subnetA1} belong to different networks.`,
    });
    const six = await Promise.all([1, 2, 3, 4, 5, 6].map((k) => group(net.vpcId, `g${k}`)));
    await expectEc2Error(create({ Groups: six }), {
      code: 'SecurityGroupsPerInterfaceLimitExceeded',
      message: 'The maximum number of security groups per interface has been reached.',
    });
    const five = await create({ Groups: six.slice(0, 5) });
    expect(five.NetworkInterface!.Groups!.map((g) => g.GroupId).sort()).toEqual(six.slice(0, 5).sort());
  });

  it('rejects an interface type outside the model enum and a tag spec for another resource type', async () => {
    await expectEc2Error(create({ InterfaceType: 'natGateway' as never }), { code: 'InvalidParameterValue', message: /natGateway/ });
    await expectEc2Error(create({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'a', Value: 'b' }] }] }), {
      code: 'InvalidParameterValue',
      message: "'instance' is not a valid taggable resource type for this operation.",
    });
    const all = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }] }));
    expect(all.NetworkInterfaces).toEqual([]);
  });
});

describe('errors', () => {
  it('InvalidIPAddress.InUse for a primary or a secondary address another interface holds', async () => {
    await create({ PrivateIpAddress: '10.0.1.20', PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.20', Primary: true }, { PrivateIpAddress: '10.0.1.21' }] });
    const inUse = { code: 'InvalidIPAddress.InUse', message: 'The specified address is already in use.' };
    await expectEc2Error(create({ PrivateIpAddress: '10.0.1.20' }), inUse);
    await expectEc2Error(create({ PrivateIpAddress: '10.0.1.21' }), inUse);
    await expectEc2Error(create({ PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.30', Primary: true }, { PrivateIpAddress: '10.0.1.21' }] }), inUse);
    // nothing half-created: 10.0.1.30 is still free
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(249);
    await create({ PrivateIpAddress: '10.0.1.30' });
  });

  it('InsufficientFreeAddressesInSubnet when the subnet is full (a /28 has 11 addresses)', async () => {
    const small = (await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '10.0.9.0/28', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    const full = { code: 'InsufficientFreeAddressesInSubnet', message: 'The specified subnet does not have enough free addresses to satisfy the request.' };
    await expectEc2Error(create({ SubnetId: small, SecondaryPrivateIpAddressCount: 11 }), full);
    expect(await availableIps(t.ec2, small)).toBe(11);
    const first = await create({ SubnetId: small, SecondaryPrivateIpAddressCount: 9 });
    expect(first.NetworkInterface!.PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((n) => `10.0.9.${n}`),
    );
    const last = await create({ SubnetId: small });
    expect(last.NetworkInterface!.PrivateIpAddress).toBe('10.0.9.14');
    expect(await availableIps(t.ec2, small)).toBe(0);
    await expectEc2Error(create({ SubnetId: small }), full);
  });
});

describe('behaviour', () => {
  it('a new interface: defaults AWS shows for a user-created interface', async () => {
    const out = await create({});
    const eni = out.NetworkInterface!;
    expect(eni.NetworkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(eni).toMatchObject({
      SubnetId: net.subnetA1,
      VpcId: net.vpcId,
      AvailabilityZone: 'us-east-1a',
      AvailabilityZoneId: 'use1-az1',
      Description: '',
      InterfaceType: 'interface',
      OwnerId: '123456789012',
      RequesterManaged: false,
      SourceDestCheck: true,
      Status: 'available',
      PrivateIpAddress: '10.0.1.4',
      PrivateDnsName: 'ip-10-0-1-4.ec2.internal',
      PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: '10.0.1.4', PrivateDnsName: 'ip-10-0-1-4.ec2.internal' }],
      Groups: [{ GroupId: await defaultGroup(net.vpcId), GroupName: 'default' }],
      Ipv6Addresses: [],
      TagSet: [],
    });
    expect(eni.RequesterId).toBeUndefined();
    expect(eni.Attachment).toBeUndefined();
    expect(eni.Association).toBeUndefined();
    expect(eni.MacAddress).toMatch(/^02(:[0-9a-f]{2}){5}$/);
    // Describe shows the same object
    expect(await describeInterface(t.ec2, eni.NetworkInterfaceId!)).toEqual(eni);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(250);
  });

  it('addresses: explicit primary, listed secondaries, a count of auto-picked ones; the lowest free first', async () => {
    const a = (await create({ PrivateIpAddress: '10.0.1.50' })).NetworkInterface!;
    expect(a.PrivateIpAddress).toBe('10.0.1.50');
    const b = (
      await create({ PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.60' }, { PrivateIpAddress: '10.0.1.61', Primary: true }] })
    ).NetworkInterface!;
    expect(b.PrivateIpAddress).toBe('10.0.1.61');
    expect(b.PrivateIpAddresses!.map((p) => [p.PrivateIpAddress, p.Primary])).toEqual(
      expect.arrayContaining([
        ['10.0.1.61', true],
        ['10.0.1.60', false],
      ]),
    );
    expect(b.PrivateIpAddresses).toHaveLength(2);
    const c = (await create({ SecondaryPrivateIpAddressCount: 2 })).NetworkInterface!;
    expect(c.PrivateIpAddresses!.map((p) => [p.PrivateIpAddress, p.Primary])).toEqual([
      ['10.0.1.4', true],
      ['10.0.1.5', false],
      ['10.0.1.6', false],
    ]);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251 - 6);
    // every interface got its own MAC
    expect(new Set([a, b, c].map((x) => x.MacAddress)).size).toBe(3);
  });

  it('description, groups, interface type and tags', async () => {
    const g1 = await group(net.vpcId, 'web');
    const g2 = await group(net.vpcId, 'db');
    const eni = (
      await create({
        Description: 'my nic',
        Groups: [g1, g2],
        InterfaceType: 'efa',
        TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'a b' }, { Key: 'env', Value: '' }] }],
      })
    ).NetworkInterface!;
    expect(eni.Description).toBe('my nic');
    expect(eni.InterfaceType).toBe('efa');
    expect(eni.Groups!.map((g) => [g.GroupId, g.GroupName]).sort()).toEqual([
      [g2, 'db'],
      [g1, 'web'],
    ].sort());
    expect(eni.TagSet).toEqual([
      { Key: 'Name', Value: 'a b' },
      { Key: 'env', Value: '' },
    ]);
    const byTag = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'tag:Name', Values: ['a b'] }] }));
    expect(byTag.NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([eni.NetworkInterfaceId]);
  });

  it('ClientToken: the same token and parameters return the original interface; other parameters are a mismatch', async () => {
    const token = `tok-${Date.now()}`;
    const first = await create({ ClientToken: token, Description: 'x' });
    expect(first.ClientToken).toBe(token);
    const again = await create({ ClientToken: token, Description: 'x' });
    expect(again.NetworkInterface!.NetworkInterfaceId).toBe(first.NetworkInterface!.NetworkInterfaceId);
    expect(again.ClientToken).toBe(token);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(250);
    await expectEc2Error(create({ ClientToken: token, Description: 'y' }), {
      code: 'IdempotentParameterMismatch',
      message: 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
    });
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(250);
  });

  it('DryRun: 412, no interface, no address used, and the ClientToken is not consumed', async () => {
    const before = await snapshot(t.ec2);
    const token = `dry-${Date.now()}`;
    await expectEc2Error(create({ DryRun: true, ClientToken: token, SecondaryPrivateIpAddressCount: 3 }), DRY_RUN);
    expect(await snapshot(t.ec2)).toEqual(before);
    const real = await create({ ClientToken: token, Description: 'different from the dry run' });
    expect(real.NetworkInterface!.PrivateIpAddress).toBe('10.0.1.4');
  });

  it('DryRun reports the error the call would have', async () => {
    await create({ PrivateIpAddress: '10.0.1.9' });
    await expectEc2Error(create({ DryRun: true, PrivateIpAddress: '10.0.1.9' }), {
      code: 'InvalidIPAddress.InUse',
      message: 'The specified address is already in use.',
    });
  });
});

it('createEni helper sanity (used by other files)', async () => {
  const eni = await createEni(t.ec2, net.subnetA2);
  expect(eni.SubnetId).toBe(net.subnetA2);
});
