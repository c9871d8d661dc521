/**
 * AssignPrivateIpAddresses through the SDK v3: named addresses or a count, AllowReassignment, the per-type
 * addresses-per-interface limit (PrivateIpAddressLimitExceeded), subnet exhaustion, DryRun.
 */
import {
  AssignPrivateIpAddressesCommand,
  AssignPrivateIpAddressesCommandInput,
  AttachNetworkInterfaceCommand,
  CreateSubnetCommand,
} from '@aws-sdk/client-ec2';
import { createEni, launchRunning, MISSING, snapshot } from '../helpers/api';
import { availableIps, describeInterface, TestNetwork } from '../helpers/network';

import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const assign = async (input: AssignPrivateIpAddressesCommandInput) => {
  const { $metadata, ...rest } = await t.ec2.send(new AssignPrivateIpAddressesCommand(input));
  void $metadata;
  return rest;
};
const ipsOf = async (id: string) => (await describeInterface(t.ec2, id)).PrivateIpAddresses!.map((p) => [p.PrivateIpAddress, p.Primary]);
const IN_USE = { code: 'InvalidIPAddress.InUse', message: 'The specified address is already in use.' };
const LIMIT = { code: 'PrivateIpAddressLimitExceeded', message: 'Number of private addresses will exceed limit.' };

describe('validation', () => {
  it('malformed and unknown interface', async () => {
    await expectEc2Error(assign({ NetworkInterfaceId: 'eni-xyz', SecondaryPrivateIpAddressCount: 1 }), {
      code: 'InvalidNetworkInterfaceId.Malformed',
      message: 'Invalid id: "eni-xyz" (expecting "eni-...")',
    });
    await expectEc2Error(assign({ NetworkInterfaceId: MISSING.eni, SecondaryPrivateIpAddressCount: 1 }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });

  it('a list and a count together; neither', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(assign({ NetworkInterfaceId: eni.NetworkInterfaceId, PrivateIpAddresses: ['10.0.1.20'], SecondaryPrivateIpAddressCount: 1 }), {
      code: 'InvalidParameterCombination',
      message: 'You may specify either a private IP address list or a secondary private IP address count, but not both.',
    });
    await expectEc2Error(assign({ NetworkInterfaceId: eni.NetworkInterfaceId }), { code: 'InvalidParameterCombination', message: /private IP address/ });
    expect(await ipsOf(eni.NetworkInterfaceId!)).toEqual([['10.0.1.4', true]]);
  });

  it.each([
    ['10.0.1.x', 'Value (10.0.1.x) for parameter privateIpAddress is invalid. This is not a valid IP address.'],
    ['10.0.3.9', "Address 10.0.3.9 does not fall within the subnet's address range"],
    ['10.0.1.2', "Address 10.0.1.2 is in subnet's reserved address range"],
    ['10.0.1.255', "Address 10.0.1.255 is in subnet's reserved address range"],
  ])('rejects the address %s', async (ip, message) => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await expectEc2Error(assign({ NetworkInterfaceId: eni.NetworkInterfaceId, PrivateIpAddresses: [ip] }), { code: 'InvalidParameterValue', message });
  });
});

describe('errors', () => {
  it('an address another interface holds needs AllowReassignment; a primary or own address never moves', async () => {
    const a = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 1 }); // .4 primary, .5 secondary
    const b = await createEni(t.ec2, net.subnetA1); // .6
    await expectEc2Error(assign({ NetworkInterfaceId: b.NetworkInterfaceId, PrivateIpAddresses: ['10.0.1.5'] }), IN_USE);
    await expectEc2Error(assign({ NetworkInterfaceId: b.NetworkInterfaceId, PrivateIpAddresses: ['10.0.1.4'], AllowReassignment: true }), IN_USE);
    await expectEc2Error(assign({ NetworkInterfaceId: a.NetworkInterfaceId, PrivateIpAddresses: ['10.0.1.5'], AllowReassignment: true }), IN_USE);
    // all-or-nothing: a free address listed with a taken one is not assigned either
    await expectEc2Error(assign({ NetworkInterfaceId: b.NetworkInterfaceId, PrivateIpAddresses: ['10.0.1.30', '10.0.1.5'] }), IN_USE);
    expect(await ipsOf(b.NetworkInterfaceId!)).toEqual([['10.0.1.6', true]]);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(248);
  });

  it('PrivateIpAddressLimitExceeded: the instance type limits addresses per attached interface (t3.micro: 2)', async () => {
    const i = await launchRunning(t, net, { InstanceType: 't3.micro' });
    const primary = i.NetworkInterfaces![0].NetworkInterfaceId!;
    await expectEc2Error(assign({ NetworkInterfaceId: primary, SecondaryPrivateIpAddressCount: 2 }), LIMIT);
    await expectEc2Error(assign({ NetworkInterfaceId: primary, PrivateIpAddresses: ['10.0.1.40', '10.0.1.41'] }), LIMIT);
    await assign({ NetworkInterfaceId: primary, SecondaryPrivateIpAddressCount: 1 });
    await expectEc2Error(assign({ NetworkInterfaceId: primary, SecondaryPrivateIpAddressCount: 1 }), LIMIT);
    expect(await ipsOf(primary)).toHaveLength(2);
  });

  it('the limit applies to a secondary interface attached later too (m5.large: 10)', async () => {
    const i = await launchRunning(t, net, { InstanceType: 'm5.large' });
    const eni = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 8 });
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: i.InstanceId, DeviceIndex: 1 }));
    await expectEc2Error(assign({ NetworkInterfaceId: eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount: 2 }), LIMIT);
    const out = await assign({ NetworkInterfaceId: eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount: 1 });
    expect(out.AssignedPrivateIpAddresses).toHaveLength(1);
    expect(await ipsOf(eni.NetworkInterfaceId!)).toHaveLength(10);
  });

  it('InsufficientFreeAddressesInSubnet when the count does not fit', async () => {
    const small = (await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '10.0.9.0/28', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    const eni = await createEni(t.ec2, small, { SecondaryPrivateIpAddressCount: 8 });
    await expectEc2Error(assign({ NetworkInterfaceId: eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount: 3 }), {
      code: 'InsufficientFreeAddressesInSubnet',
      message: 'The specified subnet does not have enough free addresses to satisfy the request.',
    });
    expect(await availableIps(t.ec2, small)).toBe(2);
    await assign({ NetworkInterfaceId: eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount: 2 });
    expect(await availableIps(t.ec2, small)).toBe(0);
  });
});

describe('behaviour', () => {
  it('a count picks the lowest free addresses; the answer lists only the new ones', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    await createEni(t.ec2, net.subnetA1); // .5
    const out = await assign({ NetworkInterfaceId: eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount: 2 });
    expect(out).toEqual({
      NetworkInterfaceId: eni.NetworkInterfaceId,
      AssignedPrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.6' }, { PrivateIpAddress: '10.0.1.7' }],
      AssignedIpv4Prefixes: [],
    });
    expect(await ipsOf(eni.NetworkInterfaceId!)).toEqual([
      ['10.0.1.4', true],
      ['10.0.1.6', false],
      ['10.0.1.7', false],
    ]);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(251 - 4);
  });

  it('named addresses are added as secondaries', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    const out = await assign({ NetworkInterfaceId: eni.NetworkInterfaceId, PrivateIpAddresses: ['10.0.1.100', '10.0.1.101'] });
    expect(out.AssignedPrivateIpAddresses).toEqual([{ PrivateIpAddress: '10.0.1.100' }, { PrivateIpAddress: '10.0.1.101' }]);
    expect(await ipsOf(eni.NetworkInterfaceId!)).toEqual([
      ['10.0.1.4', true],
      ['10.0.1.100', false],
      ['10.0.1.101', false],
    ]);
  });

  it('AllowReassignment moves a secondary address from its interface to this one', async () => {
    const a = await createEni(t.ec2, net.subnetA1, { SecondaryPrivateIpAddressCount: 1 }); // .4, .5
    const b = await createEni(t.ec2, net.subnetA1); // .6
    const free = await availableIps(t.ec2, net.subnetA1);
    const out = await assign({ NetworkInterfaceId: b.NetworkInterfaceId, PrivateIpAddresses: ['10.0.1.5'], AllowReassignment: true });
    expect(out.AssignedPrivateIpAddresses).toEqual([{ PrivateIpAddress: '10.0.1.5' }]);
    expect(await ipsOf(a.NetworkInterfaceId!)).toEqual([['10.0.1.4', true]]);
    expect(await ipsOf(b.NetworkInterfaceId!)).toEqual([
      ['10.0.1.6', true],
      ['10.0.1.5', false],
    ]);
    expect(await availableIps(t.ec2, net.subnetA1)).toBe(free);
  });

  it('has no DryRun in AWS\'s model: a raw DryRun parameter is unknown and nothing is assigned', async () => {
    const eni = await createEni(t.ec2, net.subnetA1);
    const before = await snapshot(t.ec2);
    const r = await rawQuery(t.url, {
      Action: 'AssignPrivateIpAddresses',
      Version: '2016-11-15',
      NetworkInterfaceId: eni.NetworkInterfaceId!,
      SecondaryPrivateIpAddressCount: '2',
      DryRun: 'true',
    });
    expect([r.status, r.code, r.message]).toEqual([400, 'UnknownParameter', 'The parameter DryRun is not recognized']);
    expect(await snapshot(t.ec2)).toEqual(before);
  });
});
