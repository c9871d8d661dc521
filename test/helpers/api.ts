/** Shortcuts shared by the per-action API tests (test/api/<Action>.test.ts). */
import {
  CreateNetworkInterfaceCommand,
  CreateNetworkInterfaceCommandInput,
  DescribeInstancesCommand,
  DescribeNetworkInterfacePermissionsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  Instance,
  NetworkInterface,
  RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import type { TestServer } from './server';
import { describeInstance, runOne, TestNetwork } from './network';

/** What every DryRun of a call that would have succeeded answers. */
export const DRY_RUN = { code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', status: 412 } as const;

/** An id of the right shape that no resource has. */
export const MISSING = {
  eni: 'eni-0123456789abcdef0',
  instance: 'i-0123456789abcdef0',
  attachment: 'eni-attach-0123456789abcdef0',
  permission: 'eni-perm-0123456789abcdef0',
  subnet: 'subnet-0123456789abcdef0',
  sg: 'sg-0123456789abcdef0',
} as const;

export async function createEni(ec2: EC2Client, subnetId: string, input: Partial<CreateNetworkInterfaceCommandInput> = {}): Promise<NetworkInterface> {
  return (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, ...input }))).NetworkInterface!;
}

/** Launches one instance with a primary interface in subnet A1 (override with `input`). */
export async function launch(t: TestServer, net: TestNetwork, input: Partial<RunInstancesCommandInput> = {}): Promise<Instance> {
  return runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }], ...input });
}

/** Launches and moves the clock far enough for the instance to be running; returns it as DescribeInstances shows it. */
export async function launchRunning(t: TestServer, net: TestNetwork, input: Partial<RunInstancesCommandInput> = {}): Promise<Instance> {
  const i = await launch(t, net, input);
  t.advance(10_000);
  const seen = await describeInstance(t.ec2, i.InstanceId!);
  expect(seen.State!.Name).toBe('running');
  return seen;
}

/**
 * Everything a mutating ENI / instance call could change, as the API shows it: interfaces, instances, subnets'
 * free address counts and interface permissions. Equal snapshots before and after a call = nothing changed.
 */
export async function snapshot(ec2: EC2Client): Promise<unknown> {
  const [enis, instances, subnets, perms] = await Promise.all([
    ec2.send(new DescribeNetworkInterfacesCommand({})),
    ec2.send(new DescribeInstancesCommand({})),
    ec2.send(new DescribeSubnetsCommand({})),
    ec2.send(new DescribeNetworkInterfacePermissionsCommand({})),
  ]);
  return {
    enis: enis.NetworkInterfaces,
    instances: instances.Reservations,
    subnets: subnets.Subnets!.map((s) => [s.SubnetId, s.AvailableIpAddressCount, s.MapPublicIpOnLaunch]),
    perms: perms.NetworkInterfacePermissions,
  };
}

/** Ids of a list of interfaces, sorted. */
export const eniIds = (list: readonly NetworkInterface[] | undefined) => (list ?? []).map((n) => n.NetworkInterfaceId!).sort();
