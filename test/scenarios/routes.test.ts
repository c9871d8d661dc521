/**
 * Stories of docs/behavior.md "Routes: active and blackhole" and "Elastic IPs": routes through an ENI follow the ENI's
 * attachment and its instance's state; Elastic IPs belong to the ENI and follow it.
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AttachInternetGatewayCommand,
  AttachNetworkInterfaceCommand,
  CreateInternetGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DeleteNetworkInterfaceCommand,
  DescribeAddressesCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  DetachNetworkInterfaceCommand,
  ModifyNetworkInterfaceAttributeCommand,
  Route,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';
import { createNetwork, describeInstance, describeInterface, runOne, TestNetwork } from '../helpers/network';

let t: TestServer;
let net: TestNetwork;
let rtb: string;
let igw: string;

beforeEach(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
  rtb = (await t.ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
  igw = (await t.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
});
afterEach(() => t.close());

async function route(cidr: string): Promise<Route> {
  const table = (await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0];
  return table.Routes!.find((r) => r.DestinationCidrBlock === cidr)!;
}

const twoInstances = async () => {
  const a = await runOne(t.ec2, { SubnetId: net.subnetA1 });
  const b = await runOne(t.ec2, { SubnetId: net.subnetA1 });
  return [a.InstanceId!, b.InstanceId!];
};

describe('a route through an ENI', () => {
  it('is active while attached to a running instance and follows the ENI through every change', async () => {
    const [a, b] = await twoInstances();
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!.NetworkInterfaceId!;
    const { AttachmentId } = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: a, DeviceIndex: 1 }));
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '192.168.0.0/16', NetworkInterfaceId: eni }));
    expect(await route('192.168.0.0/16')).toEqual({
      DestinationCidrBlock: '192.168.0.0/16',
      NetworkInterfaceId: eni,
      InstanceId: a,
      InstanceOwnerId: '123456789012',
      Origin: 'CreateRoute',
      State: 'active',
    });

    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [a] }));
    expect(await route('192.168.0.0/16')).toMatchObject({ State: 'blackhole', InstanceId: a });
    await t.ec2.send(new StartInstancesCommand({ InstanceIds: [a] }));
    expect(await route('192.168.0.0/16')).toMatchObject({ State: 'active', InstanceId: a });

    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    const detached = await route('192.168.0.0/16');
    expect(detached.State).toBe('blackhole');
    expect(detached.InstanceId).toBeUndefined();

    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: b, DeviceIndex: 1 }));
    expect(await route('192.168.0.0/16')).toMatchObject({ State: 'active', InstanceId: b });

    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [b] })); // not DOT: detached, still exists
    expect(await route('192.168.0.0/16')).toMatchObject({ State: 'blackhole', NetworkInterfaceId: eni });
    await t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni }));
    const deleted = await route('192.168.0.0/16');
    expect(deleted).toMatchObject({ State: 'blackhole', NetworkInterfaceId: eni });
    expect(deleted.InstanceId).toBeUndefined();
  });

  it('turns an InstanceId target into the instance\'s only interface; several interfaces are refused', async () => {
    const [a] = await twoInstances();
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.9.0.0/16', InstanceId: a }));
    const r = await route('10.9.0.0/16');
    const primary = (await describeInstance(t.ec2, a)).NetworkInterfaces![0].NetworkInterfaceId;
    expect(r).toMatchObject({ InstanceId: a, NetworkInterfaceId: primary, State: 'active' });
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA1 }))).NetworkInterface!.NetworkInterfaceId!;
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: a, DeviceIndex: 1 }));
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.8.0.0/16', InstanceId: a })), {
      code: 'InvalidInstanceID',
      message: `There are multiple interfaces attached to instance '${a}'. Please specify an interface ID for the operation instead.`,
    });
  });

  it('stays blackhole while the back end is still detaching, with the delay visible', async () => {
    await t.close();
    t = await startTestServer({ detachMs: 1000 });
    net = await createNetwork(t.ec2);
    rtb = (await t.ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    const a = (await runOne(t.ec2, { SubnetId: net.subnetA1 })).InstanceId!;
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!.NetworkInterfaceId!;
    const { AttachmentId } = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: a, DeviceIndex: 1 }));
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '192.168.0.0/16', NetworkInterfaceId: eni }));
    expect((await route('192.168.0.0/16')).State).toBe('active');
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    expect(await route('192.168.0.0/16')).toMatchObject({ State: 'blackhole', InstanceId: a });
    t.advance(1000);
    const after = await route('192.168.0.0/16');
    expect(after.State).toBe('blackhole');
    expect(after.InstanceId).toBeUndefined();
  });
});

describe('a route through an internet gateway', () => {
  it('is active while the gateway is attached to the VPC', async () => {
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
    expect(await route('0.0.0.0/0')).toMatchObject({ GatewayId: igw, State: 'active' });
    await t.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    expect(await route('0.0.0.0/0')).toMatchObject({ GatewayId: igw, State: 'blackhole' });
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    expect(await route('0.0.0.0/0')).toMatchObject({ State: 'active' });
  });
});

describe('Elastic IPs belong to the interface', () => {
  it('survive detach and re-attach, show on the new instance, and are disassociated (not released) at DOT termination', async () => {
    const [a, b] = await twoInstances();
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!;
    const { AllocationId, PublicIp } = await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const { AssociationId } = await t.ec2.send(new AssociateAddressCommand({ AllocationId, NetworkInterfaceId: eni.NetworkInterfaceId }));
    expect(AssociationId).toMatch(/^eipassoc-/);
    const att = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: a, DeviceIndex: 1 }));
    let addr = (await t.ec2.send(new DescribeAddressesCommand({ AllocationIds: [AllocationId!] }))).Addresses![0];
    expect(addr).toMatchObject({ InstanceId: a, NetworkInterfaceId: eni.NetworkInterfaceId, PrivateIpAddress: eni.PrivateIpAddress, AssociationId });

    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: att.AttachmentId }));
    addr = (await t.ec2.send(new DescribeAddressesCommand({ AllocationIds: [AllocationId!] }))).Addresses![0];
    expect(addr).toMatchObject({ NetworkInterfaceId: eni.NetworkInterfaceId, AssociationId });
    expect(addr.InstanceId).toBeUndefined();
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Association).toMatchObject({ PublicIp, AllocationId, AssociationId });

    const att2 = await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, InstanceId: b, DeviceIndex: 1 }));
    const onB = (await describeInstance(t.ec2, b)).NetworkInterfaces!.find((n) => n.NetworkInterfaceId === eni.NetworkInterfaceId)!;
    expect(onB.Association).toMatchObject({ PublicIp, IpOwnerId: '123456789012' });
    await t.ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, Attachment: { AttachmentId: att2.AttachmentId, DeleteOnTermination: true } }),
    );
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [b] }));
    addr = (await t.ec2.send(new DescribeAddressesCommand({ AllocationIds: [AllocationId!] }))).Addresses![0];
    expect(addr.PublicIp).toBe(PublicIp);
    expect(addr.AssociationId).toBeUndefined();
    expect(addr.NetworkInterfaceId).toBeUndefined();
  });
});
