/** Route tables, routes, internet gateways and Elastic IPs: validation and errors with AWS's codes and messages. */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateVpcCommand,
  DeleteInternetGatewayCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  DisassociateAddressCommand,
  DisassociateRouteTableCommand,
  ReleaseAddressCommand,
  ReplaceRouteCommand,
  ReplaceRouteTableAssociationCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';
import { createNetwork, runOne, TestNetwork } from '../helpers/network';

let t: TestServer;
let net: TestNetwork;
beforeEach(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
});
afterEach(() => t.close());

const newTable = async () => (await t.ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!;
const newIgw = async () => (await t.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;

describe('route tables', () => {
  it('a new table has the local route and no association; the VPC keeps its main table', async () => {
    const table = await newTable();
    expect(table.Routes).toEqual([{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }]);
    expect(table.Associations).toEqual([]);
    const main = await t.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }, { Name: 'association.main', Values: ['true'] }] }));
    expect(main.RouteTables).toHaveLength(1);
    expect(main.RouteTables![0].Associations![0]).toMatchObject({ Main: true, AssociationState: { State: 'associated' } });
  });

  it('associates a subnet once, replaces and disassociates, and refuses to delete while associated', async () => {
    const table = await newTable();
    const { AssociationId } = await t.ec2.send(new AssociateRouteTableCommand({ RouteTableId: table.RouteTableId, SubnetId: net.subnetA1 }));
    await expectEc2Error(t.ec2.send(new AssociateRouteTableCommand({ RouteTableId: table.RouteTableId, SubnetId: net.subnetA1 })), {
      code: 'Resource.AlreadyAssociated',
      message: `the specified association for route table ${table.RouteTableId} conflicts with an existing association`,
    });
    const bySubnet = await t.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [net.subnetA1] }] }));
    expect(bySubnet.RouteTables!.map((r) => r.RouteTableId)).toEqual([table.RouteTableId]);
    await expectEc2Error(t.ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId })), {
      code: 'DependencyViolation',
      message: `The routeTable '${table.RouteTableId}' has dependencies and cannot be deleted.`,
    });
    const other = await newTable();
    const replaced = await t.ec2.send(new ReplaceRouteTableAssociationCommand({ AssociationId, RouteTableId: other.RouteTableId }));
    expect(replaced.AssociationState).toEqual({ State: 'associated' });
    await t.ec2.send(new DisassociateRouteTableCommand({ AssociationId: replaced.NewAssociationId }));
    await t.ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId }));
    await expectEc2Error(t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table.RouteTableId!] })), {
      code: 'InvalidRouteTableID.NotFound',
      message: `The routeTable ID '${table.RouteTableId}' does not exist`,
    });
  });

  it('associates an attached internet gateway (an edge association): one table per gateway, dropped on detach', async () => {
    const table = await newTable();
    const igw = await newIgw();
    const associate = (RouteTableId: string, GatewayId: string) => t.ec2.send(new AssociateRouteTableCommand({ RouteTableId, GatewayId }));
    await expectEc2Error(associate(table.RouteTableId!, igw), {
      code: 'InvalidParameterValue',
      message: `route table ${table.RouteTableId} and network gateway ${igw} belong to different networks`,
    });
    await expectEc2Error(associate(table.RouteTableId!, 'igw-00000000000000000'), {
      code: 'InvalidInternetGatewayID.NotFound',
      message: "The internetGateway ID 'igw-00000000000000000' does not exist",
    });
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    const { AssociationId, AssociationState } = await associate(table.RouteTableId!, igw);
    expect(AssociationState).toEqual({ State: 'associated' });
    const byGateway = await t.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.gateway-id', Values: [igw] }] }));
    expect(byGateway.RouteTables!.map((r) => r.RouteTableId)).toEqual([table.RouteTableId]);
    expect(byGateway.RouteTables![0].Associations).toEqual([
      { Main: false, RouteTableAssociationId: AssociationId, RouteTableId: table.RouteTableId, GatewayId: igw, AssociationState: { State: 'associated' } },
    ]);
    const other = await newTable();
    await expectEc2Error(associate(other.RouteTableId!, igw), {
      code: 'Resource.AlreadyAssociated',
      message: `the specified association for route table ${other.RouteTableId} conflicts with an existing association`,
    });
    // replacing keeps the gateway; detaching the gateway ends the association
    const { NewAssociationId } = await t.ec2.send(new ReplaceRouteTableAssociationCommand({ AssociationId, RouteTableId: other.RouteTableId }));
    const moved = await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [other.RouteTableId!] }));
    expect(moved.RouteTables![0].Associations).toEqual([expect.objectContaining({ RouteTableAssociationId: NewAssociationId, GatewayId: igw })]);
    await t.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    expect((await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [other.RouteTableId!] }))).RouteTables![0].Associations).toEqual([]);
    await expectEc2Error(associate(other.RouteTableId!, 'nat-00000000000000000'), {
      code: 'InvalidParameterValue',
      message: 'Value (nat-00000000000000000) for parameter gatewayId is invalid. Route targets of this kind are not supported.',
    });
  });

  it('refuses a subnet of another VPC', async () => {
    const table = await newTable();
    const other = await createNetwork(t.ec2, '10.1.0.0/16');
    await expectEc2Error(t.ec2.send(new AssociateRouteTableCommand({ RouteTableId: table.RouteTableId, SubnetId: other.subnetA1 })), {
      code: 'InvalidParameterValue',
      message: `route table ${table.RouteTableId} and subnet ${other.subnetA1} belong to different networks`,
    });
  });
});

describe('routes', () => {
  it('rejects duplicates, unknown gateways, gateways of other VPCs, bad CIDRs and missing targets', async () => {
    const table = await newTable();
    const rtb = table.RouteTableId!;
    const igw = await newIgw();
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw })), {
      code: 'InvalidParameterValue',
      message: `route table ${rtb} and network gateway ${igw} belong to different networks`,
    });
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw })), {
      code: 'RouteAlreadyExists',
      message: 'The route identified by 0.0.0.0/0 already exists.',
    });
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '1.0.0.0/8', GatewayId: 'igw-00000000000000000' })), {
      code: 'InvalidGatewayID.NotFound',
      message: "The gateway ID 'igw-00000000000000000' does not exist",
    });
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '::/0x', GatewayId: igw })), {
      code: 'InvalidParameterValue',
      message: 'Value (::/0x) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.',
    });
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, GatewayId: igw })), {
      code: 'MissingParameter',
      message: 'The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock',
    });
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '2.0.0.0/8' })), { code: 'InvalidParameterCombination' });
  });

  it('replaces and deletes routes; the local route stays', async () => {
    const table = await newTable();
    const rtb = table.RouteTableId!;
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    await expectEc2Error(t.ec2.send(new ReplaceRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '8.8.0.0/16', NetworkInterfaceId: eni })), {
      code: 'InvalidParameterValue',
      message: "There is no route defined for '8.8.0.0/16' in the route table. Use CreateRoute instead.",
    });
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '8.8.0.0/16', NetworkInterfaceId: eni }));
    const route = (await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0].Routes![1];
    expect(route).toEqual({ DestinationCidrBlock: '8.8.0.0/16', NetworkInterfaceId: eni, Origin: 'CreateRoute', State: 'blackhole' });
    const byState = await t.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.state', Values: ['blackhole'] }, { Name: 'vpc-id', Values: [net.vpcId] }] }));
    expect(byState.RouteTables!.map((r) => r.RouteTableId)).toEqual([rtb]);
    await t.ec2.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '8.8.0.0/16' }));
    await expectEc2Error(t.ec2.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '8.8.0.0/16' })), {
      code: 'InvalidRoute.NotFound',
      message: `no route with destination-cidr-block 8.8.0.0/16 in route table ${rtb}`,
    });
    await expectEc2Error(t.ec2.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.0.0.0/16' })), {
      code: 'InvalidParameterValue',
      message: `cannot remove local route 10.0.0.0/16 in route table ${rtb}`,
    });
  });
});

describe('internet gateways', () => {
  it('attach once per VPC and gateway, detach, delete', async () => {
    const igw = await newIgw();
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    const described = await t.ec2.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [net.vpcId] }] }));
    expect(described.InternetGateways).toEqual([{ Attachments: [{ State: 'available', VpcId: net.vpcId }], InternetGatewayId: igw, OwnerId: '123456789012', Tags: [] }]);
    await expectEc2Error(t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId })), {
      code: 'Resource.AlreadyAssociated',
      message: `resource ${igw} is already attached to network ${net.vpcId}`,
    });
    const second = await newIgw();
    await expectEc2Error(t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: second, VpcId: net.vpcId })), {
      code: 'InvalidParameterValue',
      message: `Network ${net.vpcId} already has an internet gateway attached`,
    });
    await expectEc2Error(t.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw })), {
      code: 'DependencyViolation',
      message: `The internetGateway '${igw}' has dependencies and cannot be deleted.`,
    });
    await expectEc2Error(t.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: second, VpcId: net.vpcId })), {
      code: 'Gateway.NotAttached',
      message: `resource ${second} is not attached to network ${net.vpcId}`,
    });
    await t.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    await t.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw }));
    await expectEc2Error(t.ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw] })), {
      code: 'InvalidInternetGatewayID.NotFound',
      message: `The internetGateway ID '${igw}' does not exist`,
    });
  });

  it('refuses to detach while public addresses are mapped in the VPC', async () => {
    const igw = await newIgw();
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    const { AllocationId } = await t.ec2.send(new AllocateAddressCommand({}));
    await t.ec2.send(new AssociateAddressCommand({ AllocationId, NetworkInterfaceId: eni }));
    await expectEc2Error(t.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId })), {
      code: 'DependencyViolation',
      message: `Network ${net.vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`,
    });
  });
});

describe('Elastic IPs', () => {
  it('allocate from the pool, associate (needs a gateway), refuse a second association, release only when free', async () => {
    const a = await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    expect(a).toMatchObject({ Domain: 'vpc', PublicIpv4Pool: 'amazon', NetworkBorderGroup: 'us-east-1' });
    expect(a.PublicIp).toMatch(/^198\.1[89]\.\d+\.\d+$/);
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    await expectEc2Error(t.ec2.send(new AssociateAddressCommand({ AllocationId: a.AllocationId, NetworkInterfaceId: eni })), {
      code: 'Gateway.NotAttached',
      message: `Network ${net.vpcId} is not attached to any internet gateway`,
    });
    const igw = await newIgw();
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    const { AssociationId } = await t.ec2.send(new AssociateAddressCommand({ AllocationId: a.AllocationId, NetworkInterfaceId: eni }));
    const other = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    await expectEc2Error(t.ec2.send(new AssociateAddressCommand({ AllocationId: a.AllocationId, NetworkInterfaceId: other })), {
      code: 'Resource.AlreadyAssociated',
      message: `resource ${a.AllocationId} is already associated with associate-id ${AssociationId}`,
    });
    const moved = await t.ec2.send(new AssociateAddressCommand({ AllocationId: a.AllocationId, NetworkInterfaceId: other, AllowReassociation: true }));
    const desc = (await t.ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'network-interface-id', Values: [other] }] }))).Addresses!;
    expect(desc).toHaveLength(1);
    expect(desc[0]).toMatchObject({ AllocationId: a.AllocationId, AssociationId: moved.AssociationId, NetworkInterfaceOwnerId: '123456789012' });
    await expectEc2Error(t.ec2.send(new ReleaseAddressCommand({ AllocationId: a.AllocationId })), {
      code: 'InvalidIPAddress.InUse',
      message: `Address ${a.PublicIp} is in use.`,
    });
    await t.ec2.send(new DisassociateAddressCommand({ AssociationId: moved.AssociationId }));
    await t.ec2.send(new ReleaseAddressCommand({ AllocationId: a.AllocationId }));
    await expectEc2Error(t.ec2.send(new DescribeAddressesCommand({ AllocationIds: [a.AllocationId!] })), {
      code: 'InvalidAllocationID.NotFound',
      message: `The allocation ID '${a.AllocationId}' does not exist`,
    });
  });

  it('associates with an instance through its only interface, and refuses several', async () => {
    const igw = await newIgw();
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    const one = await runOne(t.ec2, { SubnetId: net.subnetA1 });
    const two = await runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }, { DeviceIndex: 1, SubnetId: net.subnetA2 }] });
    const { AllocationId, PublicIp } = await t.ec2.send(new AllocateAddressCommand({}));
    await t.ec2.send(new AssociateAddressCommand({ AllocationId, InstanceId: one.InstanceId }));
    const addr = (await t.ec2.send(new DescribeAddressesCommand({ PublicIps: [PublicIp!] }))).Addresses![0];
    expect(addr).toMatchObject({ InstanceId: one.InstanceId, PrivateIpAddress: one.PrivateIpAddress });
    const second = await t.ec2.send(new AllocateAddressCommand({}));
    await expectEc2Error(t.ec2.send(new AssociateAddressCommand({ AllocationId: second.AllocationId, InstanceId: two.InstanceId })), {
      code: 'InvalidInstanceID',
      message: `There are multiple interfaces attached to instance '${two.InstanceId}'. Please specify an interface ID for the operation instead.`,
    });
    await expectEc2Error(t.ec2.send(new ReleaseAddressCommand({ PublicIp: second.PublicIp })), {
      code: 'InvalidParameterValue',
      message: 'You must specify an allocation id when releasing a VPC elastic IP address',
    });
  });
});

it('a VPC with an internet gateway attached cannot be deleted', async () => {
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16' }))).Vpc!.VpcId!;
  const igw = await newIgw();
  await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const { DeleteVpcCommand } = await import('@aws-sdk/client-ec2');
  await expectEc2Error(t.ec2.send(new DeleteVpcCommand({ VpcId: vpc })), { code: 'DependencyViolation' });
});
