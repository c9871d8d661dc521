/** NAT gateways and their requester-managed interface: life cycle, failures, interface and Elastic IP rules, routes. */
import {
  AllocateAddressCommand,
  AssignPrivateIpAddressesCommand,
  AssociateAddressCommand,
  AttachInternetGatewayCommand,
  AttachNetworkInterfaceCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DeleteNatGatewayCommand,
  DeleteNetworkInterfaceCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DetachNetworkInterfaceCommand,
  DisassociateAddressCommand,
  EC2Client,
  ModifyNetworkInterfaceAttributeCommand,
  NatGateway,
  ReleaseAddressCommand,
  ReplaceRouteCommand,
  ResetNetworkInterfaceAttributeCommand,
  UnassignPrivateIpAddressesCommand,
} from '@aws-sdk/client-ec2';
import { fetchBroadcast, items, parse } from '../broadcast/helpers';
import { useTestServer } from '../helpers/env';
import { availableIps, createNetwork, describeInterface, runOne, TestNetwork } from '../helpers/network';
import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let ec2: EC2Client;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));
beforeEach(() => {
  ec2 = t.ec2;
  t.runtime.backend.resume();
});

const HOUR = 3_600_000;

async function attachIgw(vpcId = net.vpcId): Promise<string> {
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  return igw;
}
const allocate = async () => (await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' })))!;
const describeNat = async (id: string): Promise<NatGateway> =>
  (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }))).NatGateways![0];

/** A public gateway in subnet A1 of a VPC with an internet gateway, made available by the back end. */
async function publicNat(subnetId = net.subnetA1) {
  await attachIgw();
  const eip = await allocate();
  const created = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: eip.AllocationId }))).NatGateway!;
  return { eip, created, nat: await describeNat(created.NatGatewayId!) };
}

describe('CreateNatGateway (public)', () => {
  it('answers pending at once, then the back end makes it available with the Elastic IP on its interface', async () => {
    const before = await availableIps(ec2, net.subnetA1);
    const { eip, created, nat } = await publicNat();
    expect(created.NatGatewayId).toMatch(/^nat-[0-9a-f]{17}$/);
    expect(created).toMatchObject({ State: 'pending', SubnetId: net.subnetA1, VpcId: net.vpcId, ConnectivityType: 'public' });
    const eniId = created.NatGatewayAddresses![0].NetworkInterfaceId!;
    expect(created.NatGatewayAddresses).toEqual([
      { AllocationId: eip.AllocationId, NetworkInterfaceId: eniId, PrivateIp: '10.0.1.4', IsPrimary: true, Status: 'associating' },
    ]);
    expect(nat.State).toBe('available');
    expect(nat.NatGatewayAddresses).toEqual([
      {
        AllocationId: eip.AllocationId,
        NetworkInterfaceId: eniId,
        PrivateIp: '10.0.1.4',
        PublicIp: eip.PublicIp,
        AssociationId: expect.stringMatching(/^eipassoc-/),
        IsPrimary: true,
        Status: 'succeeded',
      },
    ]);
    expect(await availableIps(ec2, net.subnetA1)).toBe(before - 1);

    const address = (await ec2.send(new DescribeAddressesCommand({ AllocationIds: [eip.AllocationId!] }))).Addresses![0];
    expect(address).toMatchObject({
      AssociationId: nat.NatGatewayAddresses![0].AssociationId,
      NetworkInterfaceId: eniId,
      PrivateIpAddress: '10.0.1.4',
      NetworkInterfaceOwnerId: '123456789012',
    });
    expect(address.InstanceId).toBeUndefined();
  });

  it('gives the gateway one requester-managed interface shaped as AWS shows it', async () => {
    const { nat } = await publicNat();
    const eni = await describeInterface(ec2, nat.NatGatewayAddresses![0].NetworkInterfaceId!);
    expect(eni).toMatchObject({
      InterfaceType: 'nat_gateway',
      RequesterManaged: true,
      RequesterId: '036872051663',
      Description: `Interface for NAT Gateway ${nat.NatGatewayId}`,
      Status: 'in-use',
      SourceDestCheck: false,
      Groups: [],
      SubnetId: net.subnetA1,
      VpcId: net.vpcId,
      Attachment: { DeleteOnTermination: false, DeviceIndex: 1, InstanceOwnerId: 'amazon-aws', Status: 'attached' },
      Association: { PublicIp: nat.NatGatewayAddresses![0].PublicIp, IpOwnerId: '123456789012' },
    });
    expect(eni.Attachment!.AttachmentId).toMatch(/^ela-attach-[0-9a-f]{17}$/);
    expect(eni.Attachment!.InstanceId).toBeUndefined();

    const filtered = async (Name: string, value: string) =>
      (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name, Values: [value] }, { Name: 'vpc-id', Values: [net.vpcId] }] })))
        .NetworkInterfaces!.map((n) => n.NetworkInterfaceId);
    for (const [name, value] of [
      ['interface-type', 'nat_gateway'],
      ['requester-managed', 'true'],
      ['requester-id', '036872051663'],
      ['attachment.instance-owner-id', 'amazon-aws'],
      ['attachment.attachment-id', eni.Attachment!.AttachmentId!],
      ['attachment.status', 'attached'],
      ['attachment.device-index', '1'],
      ['status', 'in-use'],
    ]) {
      expect([name, await filtered(name, value)]).toEqual([name, [eni.NetworkInterfaceId]]);
    }
    expect(await filtered('status', 'available')).toEqual([]);
  });

  it('checks the request at once: subnet, allocation, a missing AllocationId, a private gateway given one', async () => {
    await expectEc2Error(ec2.send(new CreateNatGatewayCommand({ SubnetId: 'subnet-0123456789abcdef0', AllocationId: 'eipalloc-0123456789abcdef0' })), {
      code: 'InvalidSubnetID.NotFound',
      message: "The subnet ID 'subnet-0123456789abcdef0' does not exist",
    });
    await expectEc2Error(ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, AllocationId: 'eipalloc-0123456789abcdef0' })), {
      code: 'InvalidAllocationID.NotFound',
      message: "The allocation ID 'eipalloc-0123456789abcdef0' does not exist",
    });
    await expectEc2Error(ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1 })), {
      code: 'MissingParameter',
      message: 'The request must include the AllocationId parameter. Add the required parameter and retry the request.',
    });
    const eip = await allocate();
    await expectEc2Error(
      ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, ConnectivityType: 'private', AllocationId: eip.AllocationId })),
      { code: 'InvalidParameterCombination' },
    );
    await expectEc2Error(ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, AllocationId: eip.AllocationId, DryRun: true })), {
      code: 'DryRunOperation',
      status: 412,
    });
    expect((await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: [net.vpcId] }] }))).NatGateways).toEqual([]);
  });

  it('goes failed without an internet gateway, and frees its interface', async () => {
    const before = await availableIps(ec2, net.subnetA1);
    const eip = await allocate();
    const { NatGateway: created } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, AllocationId: eip.AllocationId }));
    const nat = await describeNat(created!.NatGatewayId!);
    expect(nat).toMatchObject({
      State: 'failed',
      FailureCode: 'Gateway.NotAttached',
      FailureMessage: `Network ${net.vpcId} has no Internet gateway attached`,
    });
    expect(await availableIps(ec2, net.subnetA1)).toBe(before);
    await expectEc2Error(ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [created!.NatGatewayAddresses![0].NetworkInterfaceId!] })), {
      code: 'InvalidNetworkInterfaceID.NotFound',
    });
    const address = (await ec2.send(new DescribeAddressesCommand({ AllocationIds: [eip.AllocationId!] }))).Addresses![0];
    expect(address.AssociationId).toBeUndefined();
    // failed gateways do not hold the subnet
    await ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetA1 }));
  });

  it('goes failed when its Elastic IP is already associated', async () => {
    await attachIgw();
    const eip = await allocate();
    const eni = (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!;
    await ec2.send(new AssociateAddressCommand({ AllocationId: eip.AllocationId, NetworkInterfaceId: eni.NetworkInterfaceId }));
    const { NatGateway: created } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, AllocationId: eip.AllocationId }));
    expect(await describeNat(created!.NatGatewayId!)).toMatchObject({
      State: 'failed',
      FailureCode: 'Resource.AlreadyAssociated',
      FailureMessage: `Elastic IP address [${eip.AllocationId}] is already associated`,
    });
    const address = (await ec2.send(new DescribeAddressesCommand({ AllocationIds: [eip.AllocationId!] }))).Addresses![0];
    expect(address.NetworkInterfaceId).toBe(eni.NetworkInterfaceId);
  });

  it('shows pending while the back end is slow (transitional state through pause)', async () => {
    await attachIgw();
    const eip = await allocate();
    t.runtime.backend.pause();
    const { NatGateway: created } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, AllocationId: eip.AllocationId }));
    expect((await describeNat(created!.NatGatewayId!)).State).toBe('pending');
    t.advance();
    expect((await describeNat(created!.NatGatewayId!)).State).toBe('available');
  });
});

describe('CreateNatGateway (private)', () => {
  it('needs no Elastic IP and takes the requested and secondary addresses', async () => {
    const { NatGateway: created } = await ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: net.subnetA1,
        ConnectivityType: 'private',
        PrivateIpAddress: '10.0.1.20',
        SecondaryPrivateIpAddressCount: 2,
        TagSpecifications: [{ ResourceType: 'natgateway', Tags: [{ Key: 'Name', Value: 'private-nat' }] }],
      }),
    );
    expect(created).toMatchObject({ State: 'pending', ConnectivityType: 'private', Tags: [{ Key: 'Name', Value: 'private-nat' }] });
    const nat = await describeNat(created!.NatGatewayId!);
    expect(nat.State).toBe('available');
    expect(nat.NatGatewayAddresses!.map((a) => [a.PrivateIp, a.IsPrimary, a.Status, a.AllocationId])).toEqual([
      ['10.0.1.20', true, 'succeeded', undefined],
      ['10.0.1.4', false, 'succeeded', undefined],
      ['10.0.1.5', false, 'succeeded', undefined],
    ]);
  });
});

describe('the gateway interface is the service\'s', () => {
  it('refuses detach, delete, attribute changes, address changes and attach', async () => {
    const { nat } = await publicNat();
    const eniId = nat.NatGatewayAddresses![0].NetworkInterfaceId!;
    const eni = await describeInterface(ec2, eniId);
    await expectEc2Error(ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: eni.Attachment!.AttachmentId })), {
      code: 'OperationNotPermitted',
      message: "You are not allowed to manage 'ela-attach' attachments.",
    });
    await expectEc2Error(ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId })), {
      code: 'InvalidParameterValue',
      message: `Network interface '${eniId}' is currently in use.`,
    });
    const denied = { code: 'AuthFailure', message: 'You do not have permission to access the specified resource.' };
    await expectEc2Error(ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Description: { Value: 'mine' } })), denied);
    await expectEc2Error(ec2.send(new ResetNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, SourceDestCheck: 'sourceDestCheck' })), denied);
    await expectEc2Error(ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: eniId, SecondaryPrivateIpAddressCount: 1 })), denied);
    await expectEc2Error(ec2.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: eniId, PrivateIpAddresses: ['10.0.1.4'] })), denied);
    const instance = await runOne(ec2, { SubnetId: net.subnetA1 });
    await expectEc2Error(ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eniId, InstanceId: instance.InstanceId, DeviceIndex: 1 })), {
      code: 'InvalidNetworkInterface.InUse',
      message: `Interface: [${eniId}] in use.`,
    });
    expect((await describeInterface(ec2, eniId)).Description).toBe(`Interface for NAT Gateway ${nat.NatGatewayId}`);
  });

  it('an ela-attach id that names nothing is an unknown attachment, not a malformed id', async () => {
    await expectEc2Error(ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: 'ela-attach-0123456789abcdef0' })), {
      code: 'InvalidAttachmentID.NotFound',
    });
  });

  it('its Elastic IP can be neither disassociated, released nor moved by the user', async () => {
    const { eip, nat } = await publicNat();
    const denied = { code: 'AuthFailure', message: 'You do not have permission to access the specified resource.' };
    await expectEc2Error(ec2.send(new DisassociateAddressCommand({ AssociationId: nat.NatGatewayAddresses![0].AssociationId })), denied);
    await expectEc2Error(ec2.send(new ReleaseAddressCommand({ AllocationId: eip.AllocationId })), denied);
    const other = (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!;
    await expectEc2Error(
      ec2.send(new AssociateAddressCommand({ AllocationId: eip.AllocationId, NetworkInterfaceId: other.NetworkInterfaceId, AllowReassociation: true })),
      denied,
    );
    const second = await allocate();
    await expectEc2Error(
      ec2.send(new AssociateAddressCommand({ AllocationId: second.AllocationId, NetworkInterfaceId: nat.NatGatewayAddresses![0].NetworkInterfaceId })),
      denied,
    );
  });
});

describe('routes through a NAT gateway', () => {
  it('are blackhole while pending or deleting, active while available', async () => {
    await attachIgw();
    const eip = await allocate();
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    t.runtime.backend.pause();
    const natId = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: net.subnetA1, AllocationId: eip.AllocationId }))).NatGateway!.NatGatewayId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natId }));
    const route = async () =>
      (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table] }))).RouteTables![0].Routes!.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')!;
    expect(await route()).toEqual({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natId, Origin: 'CreateRoute', State: 'blackhole' });
    t.advance();
    expect((await route()).State).toBe('active');
    const byNat = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.nat-gateway-id', Values: [natId] }] }));
    expect(byNat.RouteTables!.map((r) => r.RouteTableId)).toEqual([table]);

    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: natId }));
    expect((await route()).State).toBe('blackhole');
    t.advance();
    expect((await route()).State).toBe('blackhole');
    expect((await describeNat(natId)).State).toBe('deleted');
  });

  it('ReplaceRoute moves a route to a gateway; unknown gateways and other VPCs are refused', async () => {
    const { nat } = await publicNat();
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    const eni = (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NetworkInterfaceId: eni.NetworkInterfaceId }));
    await ec2.send(new ReplaceRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGatewayId }));
    const routes = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table] }))).RouteTables![0].Routes!;
    expect(routes.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')).toEqual({
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: nat.NatGatewayId,
      Origin: 'CreateRoute',
      State: 'active',
    });
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '1.0.0.0/8', NatGatewayId: 'nat-0123456789abcdef0' })), {
      code: 'InvalidNatGatewayID.NotFound',
      message: "The natGateway ID 'nat-0123456789abcdef0' does not exist",
    });
    const other = await createNetwork(ec2, '10.1.0.0/16');
    const otherTable = (await ec2.send(new CreateRouteTableCommand({ VpcId: other.vpcId }))).RouteTable!.RouteTableId!;
    await expectEc2Error(ec2.send(new CreateRouteCommand({ RouteTableId: otherTable, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGatewayId })), {
      code: 'InvalidParameterValue',
      message: `route table ${otherTable} and NAT gateway ${nat.NatGatewayId} belong to different networks`,
    });
  });
});

describe('DeleteNatGateway', () => {
  it('deleting, then deleted: frees the interface and its address, disassociates the Elastic IP; stays visible for the TTL', async () => {
    const before = await availableIps(ec2, net.subnetA1);
    const { eip, nat } = await publicNat();
    const eniId = nat.NatGatewayAddresses![0].NetworkInterfaceId!;
    await expectEc2Error(ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetA1 })), {
      code: 'DependencyViolation',
      message: `The subnet '${net.subnetA1}' has dependencies and cannot be deleted.`,
    });
    await expectEc2Error(ec2.send(new DeleteVpcCommand({ VpcId: net.vpcId })), { code: 'DependencyViolation' });

    t.runtime.backend.pause();
    expect(await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat.NatGatewayId }))).toMatchObject({ NatGatewayId: nat.NatGatewayId });
    expect((await describeNat(nat.NatGatewayId!)).State).toBe('deleting');
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat.NatGatewayId })); // again while deleting: a no-op
    t.advance();
    const deleted = await describeNat(nat.NatGatewayId!);
    expect(deleted.State).toBe('deleted');
    expect(deleted.DeleteTime).toBeInstanceOf(Date);
    expect(await availableIps(ec2, net.subnetA1)).toBe(before);
    await expectEc2Error(ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] })), { code: 'InvalidNetworkInterfaceID.NotFound' });
    const address = (await ec2.send(new DescribeAddressesCommand({ AllocationIds: [eip.AllocationId!] }))).Addresses![0];
    expect(address.AssociationId).toBeUndefined();
    await ec2.send(new ReleaseAddressCommand({ AllocationId: eip.AllocationId }));
    await ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetA1 }));

    await expectEc2Error(ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat.NatGatewayId })), {
      code: 'NatGatewayNotFound',
      message: `NAT gateway ${nat.NatGatewayId} was not found`,
    });
    t.advance(HOUR);
    await expectEc2Error(describeNat(nat.NatGatewayId!), { code: 'NatGatewayNotFound', message: `NAT gateway ${nat.NatGatewayId} was not found` });
  });
});

describe('DescribeNatGateways', () => {
  it('filters, pages and refuses unknown and malformed ids', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const subnet = i < 3 ? net.subnetA1 : net.subnetB;
      const tags = [{ Key: 'n', Value: String(i) }];
      const { NatGateway: g } = await ec2.send(
        new CreateNatGatewayCommand({ SubnetId: subnet, ConnectivityType: 'private', TagSpecifications: [{ ResourceType: 'natgateway', Tags: tags }] }),
      );
      ids.push(g!.NatGatewayId!);
    }
    const names = async (Filter: { Name: string; Values: string[] }[]) =>
      (await ec2.send(new DescribeNatGatewaysCommand({ Filter }))).NatGateways!.map((g) => g.NatGatewayId);
    expect(await names([{ Name: 'subnet-id', Values: [net.subnetB] }])).toEqual(ids.slice(3));
    expect(await names([{ Name: 'vpc-id', Values: [net.vpcId] }, { Name: 'state', Values: ['available'] }])).toEqual(ids);
    expect(await names([{ Name: 'nat-gateway-id', Values: [ids[2]] }])).toEqual([ids[2]]);
    expect(await names([{ Name: 'tag:n', Values: ['1', '4'] }])).toEqual([ids[1], ids[4]]);
    expect(await names([{ Name: 'tag-key', Values: ['n'] }])).toEqual(ids);
    expect(await names([{ Name: 'state', Values: ['pending'] }])).toEqual([]);

    const mine = [{ Name: 'vpc-id', Values: [net.vpcId] }];
    const first = await ec2.send(new DescribeNatGatewaysCommand({ Filter: mine, MaxResults: 5 }));
    expect(first.NatGateways!.map((g) => g.NatGatewayId)).toEqual(ids.slice(0, 5));
    const second = await ec2.send(new DescribeNatGatewaysCommand({ Filter: mine, MaxResults: 5, NextToken: first.NextToken }));
    expect(second.NatGateways!.map((g) => g.NatGatewayId)).toEqual([ids[5]]);
    expect(second.NextToken).toBeUndefined();

    await expectEc2Error(ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: ['nat-0123456789abcdef0'] })), {
      code: 'NatGatewayNotFound',
      message: 'NAT gateway nat-0123456789abcdef0 was not found',
    });
    const bad = await rawQuery(t.url, { Action: 'DescribeNatGateways', 'NatGatewayId.1': 'igw-12345678' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('<Code>NatGatewayMalformed</Code>');
  });
});

describe('broadcast document', () => {
  it('lists available NAT gateways under their VPC, which they make active, and the active routes through them', async () => {
    const { nat } = await publicNat();
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGatewayId }));
    const eni = await describeInterface(ec2, nat.NatGatewayAddresses![0].NetworkInterfaceId!);
    const doc = await parse((await fetchBroadcast(t.url, '?fresh=true')).xml);
    const vpc = items(doc['network-data'].vpcs, 'vpc').find((v: { $: { name: string } }) => v.$.name === net.vpcId);
    expect(vpc).toBeDefined();
    const nats = items(vpc.natGateways, 'natGateway');
    expect(nats).toHaveLength(1);
    expect(nats[0]).toMatchObject({
      $: { name: nat.NatGatewayId },
      ownerId: ['123456789012'],
      macAddress: [eni.MacAddress],
      publicIp: [nat.NatGatewayAddresses![0].PublicIp],
      privateIp: ['10.0.1.4'],
      vpc: [net.vpcId],
      subnet: [net.subnetA1],
    });
    const rt = items(vpc.routeTables, 'routeTable').find((r: { $: { name: string } }) => r.$.name === table);
    expect(items(rt.routes, 'route').map((r: { natGatewayId?: string[] }) => r.natGatewayId?.[0])).toContain(nat.NatGatewayId);

    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat.NatGatewayId }));
    const after = await parse((await fetchBroadcast(t.url, '?fresh=true')).xml);
    expect(items(after['network-data'].vpcs, 'vpc').map((v: { $: { name: string } }) => v.$.name)).not.toContain(net.vpcId);
  });
});
