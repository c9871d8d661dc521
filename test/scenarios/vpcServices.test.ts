/**
 * Issue 16's story through the SDK v3: a VPC with public and private subnets in two zones, a NAT gateway, an
 * interface endpoint in both private subnets and a transit gateway attachment. DescribeNetworkInterfaces shows each
 * service's requester-managed interface with its type and owner; the user may neither delete nor detach them;
 * tearing the services down frees them and gives every address back to the subnets.
 */
import {
  AllocateAddressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateSubnetCommand,
  CreateTransitGatewayCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DeleteNatGatewayCommand,
  DeleteNetworkInterfaceCommand,
  DeleteTransitGatewayVpcAttachmentCommand,
  DeleteVpcEndpointsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DetachNetworkInterfaceCommand,
  ModifyVpcAttributeCommand,
  NetworkInterface,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const interfacesOf = async (vpcId: string): Promise<NetworkInterface[]> =>
  (await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NetworkInterfaces!;
const freeAddresses = async (subnetIds: string[]) =>
  Object.fromEntries(
    (await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets!.map((s) => [s.SubnetId!, s.AvailableIpAddressCount!]),
  );

it('NAT gateway, interface endpoint and transit gateway attachment own requester-managed interfaces, freed at teardown', async () => {
  const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.60.0.0/16' }))).Vpc!.VpcId!;
  await t.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  const subnet = async (cidr: string, zone: string) =>
    (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }))).Subnet!.SubnetId!;
  const publicA = await subnet('10.60.0.0/24', 'us-east-1a');
  const privateA = await subnet('10.60.10.0/24', 'us-east-1a');
  const privateB = await subnet('10.60.11.0/24', 'us-east-1b');
  const igw = (await t.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  const before = await freeAddresses([publicA, privateA, privateB]);

  const eip = (await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
  const nat = (await t.ec2.send(new CreateNatGatewayCommand({ SubnetId: publicA, AllocationId: eip }))).NatGateway!.NatGatewayId!;
  const endpoint = (
    await t.ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: vpcId,
        VpcEndpointType: 'Interface',
        ServiceName: 'com.amazonaws.us-east-1.ssm',
        SubnetIds: [privateA, privateB],
      }),
    )
  ).VpcEndpoint!.VpcEndpointId!;
  const tgw = (await t.ec2.send(new CreateTransitGatewayCommand({}))).TransitGateway!.TransitGatewayId!;
  t.advance(0);
  const attachment = (
    await t.ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: tgw, VpcId: vpcId, SubnetIds: [privateA, privateB] }))
  ).TransitGatewayVpcAttachment!.TransitGatewayAttachmentId!;
  t.advance(0);

  const managed = (await interfacesOf(vpcId)).filter((n) => n.RequesterManaged);
  const byType = (type: string) => managed.filter((n) => n.InterfaceType === type);
  expect(byType('nat_gateway').map((n) => n.SubnetId)).toEqual([publicA]);
  expect(byType('vpc_endpoint').map((n) => n.SubnetId).sort()).toEqual([privateA, privateB].sort());
  expect(byType('transit_gateway').map((n) => n.SubnetId).sort()).toEqual([privateA, privateB].sort());
  expect(managed).toHaveLength(5);
  for (const n of managed) {
    expect(n).toMatchObject({ RequesterManaged: true, Status: 'in-use', OwnerId: '123456789012' });
    expect(n.RequesterId).toMatch(/^\d{12}$|^[A-Z0-9]+$/);
    expect(n.Attachment?.AttachmentId).toMatch(/^ela-attach-/);
  }
  expect(byType('nat_gateway')[0].Description).toBe(`Interface for NAT Gateway ${nat}`);
  expect(byType('vpc_endpoint')[0].Description).toBe(`VPC Endpoint Interface ${endpoint}`);
  // Each took an address of its subnet.
  const during = await freeAddresses([publicA, privateA, privateB]);
  expect(during).toEqual({ [publicA]: before[publicA] - 1, [privateA]: before[privateA] - 2, [privateB]: before[privateB] - 2 });

  // The user may neither delete nor detach a service's interface.
  for (const n of managed) {
    await expectEc2Error(t.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: n.NetworkInterfaceId })), {
      code: 'InvalidParameterValue',
      message: `Network interface '${n.NetworkInterfaceId}' is currently in use.`,
    });
    await expectEc2Error(t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: n.Attachment!.AttachmentId })), {
      code: 'OperationNotPermitted',
      message: "You are not allowed to manage 'ela-attach' attachments.",
    });
  }

  // Teardown frees them all, and every address.
  await t.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat }));
  await t.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [endpoint] }));
  await t.ec2.send(new DeleteTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: attachment }));
  t.advance(0);
  expect((await interfacesOf(vpcId)).filter((n) => n.RequesterManaged)).toEqual([]);
  expect(await freeAddresses([publicA, privateA, privateB])).toEqual(before);
});
