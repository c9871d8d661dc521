/** Common set-up for instance and interface tests: a VPC with subnets in two zones, and launch shortcuts. */
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  Instance,
  NetworkInterface,
  RunInstancesCommand,
  RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';

export const AMI = 'ami-760aaa0f';

export interface TestNetwork {
  vpcId: string;
  /** Two subnets in zone a, one in zone b. */
  subnetA1: string;
  subnetA2: string;
  subnetB: string;
}

export async function createNetwork(ec2: EC2Client, cidr = '10.0.0.0/16'): Promise<TestNetwork> {
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;
  const base = cidr.split('.').slice(0, 2).join('.');
  const subnet = async (third: number, zone: string, prefix = 24) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `${base}.${third}.0/${prefix}`, AvailabilityZone: zone }))).Subnet!.SubnetId!;
  return {
    vpcId,
    subnetA1: await subnet(1, 'us-east-1a'),
    subnetA2: await subnet(2, 'us-east-1a'),
    subnetB: await subnet(3, 'us-east-1b'),
  };
}

export async function runOne(ec2: EC2Client, input: Partial<RunInstancesCommandInput>): Promise<Instance> {
  const out = await ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', ...input }));
  return out.Instances![0];
}

export async function describeInstance(ec2: EC2Client, id: string): Promise<Instance> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations![0].Instances![0];
}

export async function describeInterface(ec2: EC2Client, id: string): Promise<NetworkInterface> {
  return (await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }))).NetworkInterfaces![0];
}

export async function availableIps(ec2: EC2Client, subnetId: string): Promise<number> {
  return (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }))).Subnets![0].AvailableIpAddressCount!;
}
