/**
 * Concurrency through the SDK v3: many RunInstances at once into a small subnet never hand out one address twice,
 * the subnet's free count stays exact and the launch that does not fit gets InsufficientFreeAddressesInSubnet;
 * two attaches racing for one device index (or for one interface): exactly one wins, the other gets AWS's error.
 */
import {
  AssignPrivateIpAddressesCommand,
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  CreateSubnetCommand,
  DescribeNetworkInterfacesCommand,
  EC2ServiceException,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { AMI, availableIps, describeInstance, TestNetwork } from '../helpers/network';

import { TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
let net: TestNetwork;

useTestServer({ network: 'once' }, (env) => ({ t, net } = env));

const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);

async function newSubnet(cidr: string): Promise<string> {
  return (await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: cidr, AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
}

async function addressesIn(subnetId: string): Promise<string[]> {
  const out = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [subnetId] }] }));
  return out.NetworkInterfaces!.flatMap((n) => n.PrivateIpAddresses!.map((p) => p.PrivateIpAddress!));
}

const launchInto = (subnetId: string) =>
  t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId }] }));

function split<T>(results: PromiseSettledResult<T>[]): { ok: T[]; errors: EC2ServiceException[] } {
  return {
    ok: results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value),
    errors: results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as EC2ServiceException),
  };
}

describe('parallel launches into a /26 (59 usable addresses)', () => {
  it('50 at once: 50 distinct addresses inside the subnet, 9 left; 15 more: 9 win, 6 get InsufficientFreeAddressesInSubnet', async () => {
    const subnet = await newSubnet('10.0.64.0/26');
    expect(await availableIps(t.ec2, subnet)).toBe(59);

    const first = split(await Promise.allSettled(Array.from({ length: 50 }, () => launchInto(subnet))));
    expect(first.errors.map((e) => e.message)).toEqual([]);
    const launched = first.ok.map((r) => r.Instances![0]);
    const ips = launched.map((i) => i.PrivateIpAddress!);
    expect(new Set(ips).size).toBe(50);
    expect(new Set(launched.map((i) => i.NetworkInterfaces![0].MacAddress)).size).toBe(50);
    for (const ip of ips) {
      const n = ipToInt(ip) - ipToInt('10.0.64.0');
      expect(n).toBeGreaterThanOrEqual(4); // network, router, DNS, reserved
      expect(n).toBeLessThanOrEqual(62); // broadcast is 63
    }
    expect(await availableIps(t.ec2, subnet)).toBe(9);

    const second = split(await Promise.allSettled(Array.from({ length: 15 }, () => launchInto(subnet))));
    expect(second.ok).toHaveLength(9);
    expect(second.errors).toHaveLength(6);
    for (const e of second.errors) {
      expect({ code: e.name, status: e.$metadata.httpStatusCode, message: e.message }).toEqual({
        code: 'InsufficientFreeAddressesInSubnet',
        status: 400,
        message: `There are not enough free addresses in subnet '${subnet}' to satisfy the requested number of instances.`,
      });
    }
    expect(await availableIps(t.ec2, subnet)).toBe(0);
    const all = await addressesIn(subnet);
    expect(all).toHaveLength(59);
    expect(new Set(all).size).toBe(59);
    // every launch that succeeded is really there and running
    const sample = await describeInstance(t.ec2, second.ok[0].Instances![0].InstanceId!);
    expect(sample.State!.Name).toBe('running');
  });

  it('launches, interface creations and address assignments racing in one subnet never share an address', async () => {
    const subnet = await newSubnet('10.0.65.0/26');
    const holder = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet }))).NetworkInterface!.NetworkInterfaceId!;
    const calls: Promise<unknown>[] = [];
    for (let k = 0; k < 15; k++) {
      calls.push(launchInto(subnet));
      calls.push(t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet, SecondaryPrivateIpAddressCount: 1 })));
      calls.push(t.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: holder, SecondaryPrivateIpAddressCount: 1 })));
    }
    const results = split(await Promise.allSettled(calls));
    // 1 (holder) + 15 + 30 + 15 = 61 > 59: some calls fail, and only for lack of addresses
    expect(results.errors.length).toBeGreaterThan(0);
    for (const e of results.errors) expect(e.name).toBe('InsufficientFreeAddressesInSubnet');
    const all = await addressesIn(subnet);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(59);
    expect(await availableIps(t.ec2, subnet)).toBe(0);
  });
});

describe('racing attaches', () => {
  it('two interfaces at one device index: exactly one wins, the other gets the index error (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const instanceId = (await launchInto(net.subnetA1)).Instances![0].InstanceId!;
      const [e1, e2] = await Promise.all(
        [1, 2].map(async () => (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!.NetworkInterfaceId!),
      );
      const results = split(
        await Promise.allSettled([e1, e2].map((eni) => t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: instanceId, DeviceIndex: 1 })))),
      );
      expect(results.ok).toHaveLength(1);
      expect(results.errors).toHaveLength(1);
      expect({ code: results.errors[0].name, status: results.errors[0].$metadata.httpStatusCode, message: results.errors[0].message }).toEqual({
        code: 'InvalidParameterValue',
        status: 400,
        message: `Instance '${instanceId}' already has an interface attached at device index '1'.`,
      });
      const seen = await describeInstance(t.ec2, instanceId);
      expect(seen.NetworkInterfaces!.filter((n) => n.Attachment!.DeviceIndex === 1)).toHaveLength(1);
      expect(seen.NetworkInterfaces![1].Attachment!.AttachmentId).toBe(results.ok[0].AttachmentId);
    }
  });

  it('one interface to two instances: exactly one wins, the other gets InvalidNetworkInterface.InUse', async () => {
    const a = (await launchInto(net.subnetA1)).Instances![0].InstanceId!;
    const b = (await launchInto(net.subnetA1)).Instances![0].InstanceId!;
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    const results = split(
      await Promise.allSettled([a, b].map((id) => t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: id, DeviceIndex: 1 })))),
    );
    expect(results.ok).toHaveLength(1);
    expect(results.errors.map((e) => [e.name, e.message])).toEqual([['InvalidNetworkInterface.InUse', `Interface: [${eni}] in use.`]]);
    const attachedTo = [await describeInstance(t.ec2, a), await describeInstance(t.ec2, b)].map((i) => i.NetworkInterfaces!.length);
    expect(attachedTo.sort()).toEqual([1, 2]);
  });
});
