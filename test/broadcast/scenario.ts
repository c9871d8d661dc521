/**
 * The fixed scenario of the golden broadcast documents, built through the SDK only (seeded ids and MACs, manual
 * clock, so every run produces the same bytes):
 *
 *   VPC A 10.0.0.0/16 (subnets a1, a2 in zone a), internet gateway attached, main table routes:
 *     local, 0.0.0.0/0 -> igw, 192.168.10.0/24 -> web's eth1 (active), 192.168.20.0/24 -> a spare ENI (blackhole)
 *   VPC B 10.1.0.0/16 (subnet b1 in zone b)
 *   web   i: 3 ENIs in VPC A (eth0 a1 + Elastic IP, eth1 a2 with a secondary IP and source/dest check off,
 *          eth2 a1 in sg "admin"); groups web
 *   app   i: 1 ENI in VPC A with a launch-time public IP; group app (ingress tcp 8080 from web)
 *   db    i: 1 ENI in VPC B; group db (ingress tcp 5432 from 10.0.0.0/16, icmp from 10.1.0.0/16)
 *   3 instances, 5 attached ENIs, 2 VPCs; plus a spare available ENI in VPC A (not in the document) and the
 *   account's default VPC (inactive: no instance).
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  Instance,
  ModifyNetworkInterfaceAttributeCommand,
  NetworkInterface,
} from '@aws-sdk/client-ec2';
import { AMI, describeInstance, runOne } from '../helpers/network';
import type { TestServer } from '../helpers/server';
import { createEni } from '../helpers/api';

export interface Scenario {
  vpcA: string;
  vpcB: string;
  subnetA1: string;
  subnetA2: string;
  subnetB1: string;
  igw: string;
  groups: { web: string; admin: string; app: string; db: string };
  web: Instance;
  app: Instance;
  db: Instance;
  spare: NetworkInterface;
  mainTableA: string;
}

async function vpc(ec2: EC2Client, cidr: string): Promise<string> {
  return (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;
}

async function subnet(ec2: EC2Client, vpcId: string, cidr: string, zone: string): Promise<string> {
  return (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }))).Subnet!.SubnetId!;
}

async function group(ec2: EC2Client, vpcId: string, name: string): Promise<string> {
  return (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: name, Description: `${name} tier` }))).GroupId!;
}

export async function buildScenario(t: TestServer): Promise<Scenario> {
  const { ec2 } = t;
  const vpcA = await vpc(ec2, '10.0.0.0/16');
  const vpcB = await vpc(ec2, '10.1.0.0/16');
  const subnetA1 = await subnet(ec2, vpcA, '10.0.1.0/24', 'us-east-1a');
  const subnetA2 = await subnet(ec2, vpcA, '10.0.2.0/24', 'us-east-1a');
  const subnetB1 = await subnet(ec2, vpcB, '10.1.1.0/24', 'us-east-1b');

  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcA }));

  const web = await group(ec2, vpcA, 'web');
  const admin = await group(ec2, vpcA, 'admin');
  const app = await group(ec2, vpcA, 'app');
  const db = await group(ec2, vpcB, 'db');
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: web,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: admin }] },
      ],
    }),
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: app,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: web }] }],
    }),
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: db,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
        { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.1.0.0/16' }] },
      ],
    }),
  );

  const webLaunched = await runOne(ec2, {
    ImageId: AMI,
    NetworkInterfaces: [
      { DeviceIndex: 0, SubnetId: subnetA1, Groups: [web] },
      { DeviceIndex: 1, SubnetId: subnetA2, Groups: [web], SecondaryPrivateIpAddressCount: 1 },
      { DeviceIndex: 2, SubnetId: subnetA1, Groups: [admin] },
    ],
  });
  const appLaunched = await runOne(ec2, {
    ImageId: AMI,
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetA1, Groups: [app], AssociatePublicIpAddress: true }],
  });
  const dbLaunched = await runOne(ec2, { ImageId: AMI, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetB1, Groups: [db] }] });
  t.advance();

  const webNow = await describeInstance(ec2, webLaunched.InstanceId!);
  const eth = (i: number) => webNow.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === i)!;
  // Source/dest check off on eth1 (a router interface), an Elastic IP on eth0.
  await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eth(1).NetworkInterfaceId!, SourceDestCheck: { Value: false } }));
  const allocation = (await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
  await ec2.send(new AssociateAddressCommand({ AllocationId: allocation, NetworkInterfaceId: eth(0).NetworkInterfaceId! }));

  const spare = await createEni(ec2, subnetA2, { Groups: [web], Description: 'spare' });
  const tables = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcA] }] }));
  const mainTableA = tables.RouteTables![0].RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: mainTableA, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
  await ec2.send(new CreateRouteCommand({ RouteTableId: mainTableA, DestinationCidrBlock: '192.168.10.0/24', NetworkInterfaceId: eth(1).NetworkInterfaceId! }));
  await ec2.send(new CreateRouteCommand({ RouteTableId: mainTableA, DestinationCidrBlock: '192.168.20.0/24', NetworkInterfaceId: spare.NetworkInterfaceId! }));
  t.advance();

  return {
    vpcA,
    vpcB,
    subnetA1,
    subnetA2,
    subnetB1,
    igw,
    groups: { web, admin, app, db },
    web: await describeInstance(ec2, webLaunched.InstanceId!),
    app: await describeInstance(ec2, appLaunched.InstanceId!),
    db: await describeInstance(ec2, dbLaunched.InstanceId!),
    spare,
    mainTableA,
  };
}
