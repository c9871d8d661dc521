/** VPC endpoints: the service catalog, gateway endpoints' prefix-list routes, interface endpoints' managed interfaces. */
import {
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateVpcEndpointCommand,
  DeleteNetworkInterfaceCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DeleteVpcCommand,
  DeleteVpcEndpointsCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  DetachNetworkInterfaceCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  ModifyVpcEndpointCommand,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { useTestServer } from '../helpers/env';
import { availableIps, describeInterface, type TestNetwork } from '../helpers/network';
import { expectEc2Error, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
let ec2: EC2Client;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));
beforeEach(() => {
  ec2 = t.ec2;
  t.runtime.backend.resume();
});

const S3 = 'com.amazonaws.us-east-1.s3';
const describeEndpoint = async (id: string): Promise<VpcEndpoint> =>
  (await ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }))).VpcEndpoints![0];
const newTable = async () => (await ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
const routesOf = async (rtb: string) => (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0].Routes!;
async function s3PrefixList(): Promise<string> {
  const out = await ec2.send(new DescribeManagedPrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: [S3] }] }));
  return out.PrefixLists![0].PrefixListId!;
}
async function enableDns(): Promise<void> {
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: net.vpcId, EnableDnsHostnames: { Value: true } }));
}

describe('DescribeVpcEndpointServices', () => {
  it('lists the region AWS services with their types, zones and DNS names', async () => {
    const out = await ec2.send(new DescribeVpcEndpointServicesCommand({}));
    for (const svc of ['s3', 'dynamodb', 'ec2', 'sts', 'ssm', 'ecr.api', 'ecr.dkr', 'logs', 'kms', 'secretsmanager']) {
      expect(out.ServiceNames).toContain(`com.amazonaws.us-east-1.${svc}`);
    }
    const s3 = out.ServiceDetails!.filter((d) => d.ServiceName === S3);
    expect(s3.map((d) => d.ServiceType![0].ServiceType).sort()).toEqual(['Gateway', 'Interface']);
    const sts = out.ServiceDetails!.find((d) => d.ServiceName === 'com.amazonaws.us-east-1.sts')!;
    expect(sts).toMatchObject({
      Owner: 'amazon',
      ServiceType: [{ ServiceType: 'Interface' }],
      AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
      PrivateDnsName: 'sts.us-east-1.amazonaws.com',
      BaseEndpointDnsNames: ['sts.us-east-1.vpce.amazonaws.com'],
      AcceptanceRequired: false,
      VpcEndpointPolicySupported: true,
    });
    const gateways = await ec2.send(new DescribeVpcEndpointServicesCommand({ Filters: [{ Name: 'service-type', Values: ['Gateway'] }] }));
    expect(gateways.ServiceNames).toEqual(['com.amazonaws.us-east-1.dynamodb', S3]);
    await expectEc2Error(ec2.send(new DescribeVpcEndpointServicesCommand({ ServiceNames: ['com.amazonaws.us-east-1.nope'] })), {
      code: 'InvalidServiceName',
      message: "The Vpc Endpoint Service 'com.amazonaws.us-east-1.nope' does not exist",
    });
  });
});

describe('gateway endpoints', () => {
  it('route each chosen table to the service prefix list through the endpoint; Modify adds and removes tables; delete removes the routes', async () => {
    const [rtb1, rtb2] = [await newTable(), await newTable()];
    const pl = await s3PrefixList();
    t.runtime.backend.pause();
    const created = (
      await ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: net.vpcId,
          ServiceName: S3,
          RouteTableIds: [rtb1],
          TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: 's3' }] }],
        }),
      )
    ).VpcEndpoint!;
    expect(created.VpcEndpointId).toMatch(/^vpce-[0-9a-f]{17}$/);
    expect(created).toMatchObject({ VpcEndpointType: 'Gateway', State: 'pending', VpcId: net.vpcId, ServiceName: S3, RouteTableIds: [rtb1], SubnetIds: [], Tags: [{ Key: 'Name', Value: 's3' }] });
    expect(JSON.parse(created.PolicyDocument!).Statement[0]).toMatchObject({ Effect: 'Allow', Action: '*' });
    t.advance();
    const id = created.VpcEndpointId!;
    expect((await describeEndpoint(id)).State).toBe('available');
    expect((await routesOf(rtb1)).find((r) => r.DestinationPrefixListId === pl)).toEqual({ DestinationPrefixListId: pl, GatewayId: id, Origin: 'CreateRoute', State: 'active' });

    // the route belongs to the endpoint
    await expectEc2Error(ec2.send(new DeleteRouteCommand({ RouteTableId: rtb1, DestinationPrefixListId: pl })), { code: 'InvalidParameterValue' });
    // a second gateway endpoint for the same service cannot route the same table
    await expectEc2Error(ec2.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, ServiceName: S3, RouteTableIds: [rtb1] })), { code: 'RouteAlreadyExists' });

    await ec2.send(new ModifyVpcEndpointCommand({ VpcEndpointId: id, AddRouteTableIds: [rtb2], RemoveRouteTableIds: [rtb1] }));
    expect((await describeEndpoint(id)).RouteTableIds).toEqual([rtb2]);
    expect((await routesOf(rtb1)).some((r) => r.DestinationPrefixListId === pl)).toBe(false);
    expect((await routesOf(rtb2)).find((r) => r.DestinationPrefixListId === pl)?.GatewayId).toBe(id);

    // a VPC with an endpoint cannot be deleted
    await expectEc2Error(ec2.send(new DeleteVpcCommand({ VpcId: net.vpcId })), { code: 'DependencyViolation' });

    t.runtime.backend.resume();
    const del = await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id, 'vpce-0123456789abcdef0'] }));
    expect(del.Unsuccessful).toEqual([
      { ResourceId: 'vpce-0123456789abcdef0', Error: { Code: 'InvalidVpcEndpointId.NotFound', Message: "The Vpc Endpoint Id 'vpce-0123456789abcdef0' does not exist" } },
    ]);
    expect((await describeEndpoint(id)).State).toBe('deleted');
    expect((await routesOf(rtb2)).some((r) => r.DestinationPrefixListId === pl)).toBe(false);
  });

  it('forgets a deleted route table; refuses subnets, unknown services and tables of another VPC', async () => {
    const rtb = await newTable();
    const id = (await ec2.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, ServiceName: 'com.amazonaws.us-east-1.dynamodb', RouteTableIds: [rtb] }))).VpcEndpoint!.VpcEndpointId!;
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: rtb }));
    expect((await describeEndpoint(id)).RouteTableIds).toEqual([]);
    await expectEc2Error(ec2.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, ServiceName: S3, SubnetIds: [net.subnetA1] })), { code: 'InvalidParameter' });
    await expectEc2Error(ec2.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, ServiceName: 'com.amazonaws.us-east-1.nope' })), { code: 'InvalidServiceName' });
    await expectEc2Error(ec2.send(new CreateVpcEndpointCommand({ VpcId: net.vpcId, ServiceName: 'com.amazonaws.us-east-1.sts' })), { code: 'InvalidParameter' });
    await expectEc2Error(ec2.send(new CreateVpcEndpointCommand({ DryRun: true, VpcId: net.vpcId, ServiceName: S3 })), { code: 'DryRunOperation', status: 412 });
    await expectEc2Error(ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: ['vpce-0123456789abcdef0'] })), { code: 'InvalidVpcEndpointId.NotFound' });
    await expectEc2Error(ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: ['nope'] })), { code: 'InvalidVpcEndpointId.Malformed' });
    const filtered = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-endpoint-type', Values: ['Gateway'] }, { Name: 'vpc-id', Values: [net.vpcId] }] }));
    expect(filtered.VpcEndpoints!.map((e) => e.VpcEndpointId)).toEqual([id]);
  });
});

describe('interface endpoints', () => {
  it('own one requester-managed interface per subnet, with DNS entries; the user may not delete or detach them; delete frees them', async () => {
    await enableDns();
    const before = await availableIps(ec2, net.subnetA1);
    t.runtime.backend.pause();
    const created = (
      await ec2.send(new CreateVpcEndpointCommand({ VpcEndpointType: 'Interface', VpcId: net.vpcId, ServiceName: 'com.amazonaws.us-east-1.sts', SubnetIds: [net.subnetA1, net.subnetB] }))
    ).VpcEndpoint!;
    const id = created.VpcEndpointId!;
    expect(created).toMatchObject({ VpcEndpointType: 'Interface', State: 'pending', SubnetIds: [net.subnetA1, net.subnetB], PrivateDnsEnabled: true, RouteTableIds: [] });
    expect(created.Groups).toHaveLength(1);
    expect(created.Groups![0].GroupName).toBe('default');
    expect(created.NetworkInterfaceIds).toHaveLength(2);
    const names = created.DnsEntries!.map((d) => d.DnsName);
    expect(names[0]).toMatch(new RegExp(`^${id}-[0-9a-f]{8}\\.sts\\.us-east-1\\.vpce\\.amazonaws\\.com$`));
    expect(names[1]).toMatch(/-us-east-1a\.sts\.us-east-1\.vpce\.amazonaws\.com$/);
    expect(names[2]).toMatch(/-us-east-1b\.sts\.us-east-1\.vpce\.amazonaws\.com$/);
    expect(names[3]).toBe('sts.us-east-1.amazonaws.com');
    t.advance();
    expect((await describeEndpoint(id)).State).toBe('available');

    const eniId = created.NetworkInterfaceIds![0];
    const eni = await describeInterface(ec2, eniId);
    expect(eni).toMatchObject({
      InterfaceType: 'vpc_endpoint',
      RequesterManaged: true,
      Description: `VPC Endpoint Interface ${id}`,
      SubnetId: net.subnetA1,
      Status: 'in-use',
    });
    expect(eni.Attachment?.AttachmentId).toMatch(/^ela-attach-/);
    expect(await availableIps(ec2, net.subnetA1)).toBe(before - 1);
    await expectEc2Error(ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId })), {
      code: 'InvalidParameterValue',
      message: `Network interface '${eniId}' is currently in use.`,
    });
    await expectEc2Error(ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: eni.Attachment!.AttachmentId! })), {
      code: 'OperationNotPermitted',
      message: "You are not allowed to manage 'ela-attach' attachments.",
    });
    const managed = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'interface-type', Values: ['vpc_endpoint'] }] }));
    expect(managed.NetworkInterfaces!.map((n) => n.NetworkInterfaceId).sort()).toEqual([...created.NetworkInterfaceIds!].sort());

    // a second endpoint with private DNS for the same service conflicts
    await expectEc2Error(
      ec2.send(new CreateVpcEndpointCommand({ VpcEndpointType: 'Interface', VpcId: net.vpcId, ServiceName: 'com.amazonaws.us-east-1.sts', SubnetIds: [net.subnetA2] })),
      { code: 'InvalidParameter' },
    );

    t.runtime.backend.resume();
    await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id] }));
    expect((await describeEndpoint(id)).State).toBe('deleted');
    expect(await availableIps(ec2, net.subnetA1)).toBe(before);
    const gone = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'interface-type', Values: ['vpc_endpoint'] }] }));
    expect(gone.NetworkInterfaces).toEqual([]);
  });

  it('one subnet per zone; private DNS needs the VPC DNS attributes; Modify adds subnets and groups', async () => {
    const svc = 'com.amazonaws.us-east-1.ssm';
    await expectEc2Error(ec2.send(new CreateVpcEndpointCommand({ VpcEndpointType: 'Interface', VpcId: net.vpcId, ServiceName: svc, SubnetIds: [net.subnetA1] })), {
      code: 'InvalidParameter',
    });
    await expectEc2Error(
      ec2.send(new CreateVpcEndpointCommand({ VpcEndpointType: 'Interface', VpcId: net.vpcId, ServiceName: svc, PrivateDnsEnabled: false, SubnetIds: [net.subnetA1, net.subnetA2] })),
      { code: 'DuplicateSubnetsInSameZone' },
    );
    const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'vpce', Description: 'vpce', VpcId: net.vpcId }))).GroupId!;
    const id = (
      await ec2.send(
        new CreateVpcEndpointCommand({ VpcEndpointType: 'Interface', VpcId: net.vpcId, ServiceName: svc, PrivateDnsEnabled: false, SubnetIds: [net.subnetA1], SecurityGroupIds: [sg] }),
      )
    ).VpcEndpoint!.VpcEndpointId!;
    await expectEc2Error(ec2.send(new ModifyVpcEndpointCommand({ VpcEndpointId: id, AddSubnetIds: [net.subnetA2] })), {
      code: 'DuplicateSubnetsInSameZone',
      message: `Found another VPC endpoint subnet in the availability zone of ${net.subnetA2}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
    });
    await ec2.send(new ModifyVpcEndpointCommand({ VpcEndpointId: id, AddSubnetIds: [net.subnetB], RemoveSubnetIds: [net.subnetA1] }));
    const e = await describeEndpoint(id);
    expect(e.SubnetIds).toEqual([net.subnetB]);
    expect(e.Groups).toEqual([{ GroupId: sg, GroupName: 'vpce' }]);
    expect(e.DnsEntries!.map((d) => d.DnsName).some((n) => n === 'ssm.us-east-1.amazonaws.com')).toBe(false);
    const eni = await describeInterface(ec2, e.NetworkInterfaceIds![0]);
    expect(eni.SubnetId).toBe(net.subnetB);
    expect(eni.Groups!.map((g) => g.GroupId)).toEqual([sg]);
    await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id] }));
  });
});
