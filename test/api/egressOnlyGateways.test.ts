import {
  AttachInternetGatewayCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteRouteCommand,
  DeleteVpcCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  ReplaceRouteCommand,
  Route,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

async function dualStackVpc(cidr: string) {
  const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  return { vpcId: vpc.VpcId!, ipv6: vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock! };
}
const routesOf = async (rtb: string): Promise<Route[]> =>
  (await t.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }))).RouteTables![0].Routes!;

describe('egress-only internet gateways', () => {
  it('are created attached to their VPC, tagged, described, filtered, paged and deleted', async () => {
    const { vpcId } = await dualStackVpc('10.0.0.0/16');
    const out = await t.ec2.send(
      new CreateEgressOnlyInternetGatewayCommand({
        VpcId: vpcId,
        ClientToken: 'tok-1',
        TagSpecifications: [{ ResourceType: 'egress-only-internet-gateway', Tags: [{ Key: 'Name', Value: 'e1' }] }],
      }),
    );
    expect(out.ClientToken).toBe('tok-1');
    const eigw = out.EgressOnlyInternetGateway!;
    expect(eigw).toEqual({
      EgressOnlyInternetGatewayId: expect.stringMatching(/^eigw-[0-9a-f]{17}$/),
      Attachments: [{ State: 'attached', VpcId: vpcId }],
      Tags: [{ Key: 'Name', Value: 'e1' }],
    });
    const second = (await t.ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpcId }))).EgressOnlyInternetGateway!;
    expect(second.Tags).toBeUndefined();
    await t.ec2.send(new CreateTagsCommand({ Resources: [second.EgressOnlyInternetGatewayId!], Tags: [{ Key: 'Name', Value: 'e2' }] }));

    const byTag = await t.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: [{ Name: 'tag:Name', Values: ['e*'] }] }));
    expect(byTag.EgressOnlyInternetGateways!.map((g) => g.EgressOnlyInternetGatewayId)).toEqual([
      eigw.EgressOnlyInternetGatewayId,
      second.EgressOnlyInternetGatewayId,
    ]);
    const page = await t.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ MaxResults: 5 }));
    expect(page.EgressOnlyInternetGateways).toHaveLength(2);
    const byKey = await t.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: [{ Name: 'tag-key', Values: ['Name'] }] }));
    expect(byKey.EgressOnlyInternetGateways).toHaveLength(2);

    // a VPC with a gateway has a dependency
    await expectEc2Error(t.ec2.send(new DeleteVpcCommand({ VpcId: vpcId })), { code: 'DependencyViolation' });
    expect((await t.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: eigw.EgressOnlyInternetGatewayId! }))).ReturnCode).toBe(true);
    await expectEc2Error(t.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ EgressOnlyInternetGatewayIds: [eigw.EgressOnlyInternetGatewayId!] })), {
      code: 'InvalidGatewayID.NotFound',
      message: `The eigw ID '${eigw.EgressOnlyInternetGatewayId}' does not exist`,
    });
    await t.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: second.EgressOnlyInternetGatewayId! }));
    await t.ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
  });

  it('answers AWS errors for unknown ids and VPCs, and DryRun writes nothing', async () => {
    await expectEc2Error(t.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: 'eigw-00000000000000000' })), {
      code: 'InvalidGatewayID.NotFound',
      message: "The eigw ID 'eigw-00000000000000000' does not exist",
    });
    await expectEc2Error(t.ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: 'vpc-00000000000000000' })), { code: 'InvalidVpcID.NotFound' });
    const { vpcId } = await dualStackVpc('10.1.0.0/16');
    await expectEc2Error(t.ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpcId, DryRun: true })), { code: 'DryRunOperation', status: 412 });
    expect((await t.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({}))).EgressOnlyInternetGateways).toEqual([]);
  });
});

describe('IPv6 routes', () => {
  it('route ::/0 to an internet gateway and IPv6 blocks to an egress-only gateway or an interface', async () => {
    const { vpcId, ipv6 } = await dualStackVpc('10.2.0.0/16');
    const rtb = (await t.ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!;
    expect(rtb.Routes).toEqual([
      expect.objectContaining({ DestinationCidrBlock: '10.2.0.0/16', GatewayId: 'local', State: 'active' }),
      expect.objectContaining({ DestinationIpv6CidrBlock: ipv6, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }),
    ]);
    const rtbId = rtb.RouteTableId!;
    const igw = (await t.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '::/0', GatewayId: igw }));
    const eigw = (await t.ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpcId }))).EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId!;
    // non-canonical text is stored canonically
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '2001:DB8:0:0::/32', EgressOnlyInternetGatewayId: eigw }));
    const subnet = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.2.1.0/24' }))).Subnet!.SubnetId!;
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet }))).NetworkInterface!.NetworkInterfaceId!;
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '2001:db9::/48', NetworkInterfaceId: eni }));

    const routes = await routesOf(rtbId);
    expect(routes.slice(2)).toEqual([
      { DestinationIpv6CidrBlock: '::/0', GatewayId: igw, Origin: 'CreateRoute', State: 'active' },
      { DestinationIpv6CidrBlock: '2001:db8::/32', EgressOnlyInternetGatewayId: eigw, Origin: 'CreateRoute', State: 'active' },
      { DestinationIpv6CidrBlock: '2001:db9::/48', NetworkInterfaceId: eni, Origin: 'CreateRoute', State: 'blackhole' },
    ]);

    const filter = async (name: string, value: string) =>
      (await t.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: name, Values: [value] }] }))).RouteTables!.map((r) => r.RouteTableId);
    expect(await filter('route.destination-ipv6-cidr-block', '::/0')).toEqual([rtbId]);
    expect(await filter('route.egress-only-internet-gateway-id', eigw)).toEqual([rtbId]);

    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '::/0', GatewayId: igw })), {
      code: 'RouteAlreadyExists',
      message: 'The route identified by ::/0 already exists.',
    });
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: 'nope', GatewayId: igw })), {
      code: 'InvalidParameterValue',
      message: 'Value (nope) for parameter destinationIpv6CidrBlock is invalid. This is not a valid CIDR block.',
    });
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationCidrBlock: '0.0.0.0/0', EgressOnlyInternetGatewayId: eigw })), {
      code: 'InvalidParameterValue',
    });
    await expectEc2Error(
      t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '2001:dba::/48', EgressOnlyInternetGatewayId: 'eigw-00000000000000000' })),
      { code: 'InvalidGatewayID.NotFound' },
    );
    await expectEc2Error(t.ec2.send(new DeleteRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: ipv6 })), {
      code: 'InvalidParameterValue',
      message: `cannot remove local route ${ipv6} in route table ${rtbId}`,
    });
    await expectEc2Error(t.ec2.send(new DeleteRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '2001:dbb::/48' })), {
      code: 'InvalidRoute.NotFound',
      message: `no route with destination-ipv6-cidr-block 2001:dbb::/48 in route table ${rtbId}`,
    });

    // ::/0 follows the internet gateway's attachment; the egress-only route its gateway's life
    await t.ec2.send(new ReplaceRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw }));
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '2001:dbc::/48', GatewayId: igw }));
    await t.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
    await t.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: eigw }));
    const after = Object.fromEntries((await routesOf(rtbId)).map((r) => [r.DestinationIpv6CidrBlock ?? r.DestinationCidrBlock, r.State]));
    expect(after).toMatchObject({ '::/0': 'blackhole', '2001:db8::/32': 'blackhole', '2001:dbc::/48': 'blackhole', [ipv6]: 'active' });

    await t.ec2.send(new DeleteRouteCommand({ RouteTableId: rtbId, DestinationIpv6CidrBlock: '::/0' }));
    expect((await routesOf(rtbId)).some((r) => r.DestinationIpv6CidrBlock === '::/0')).toBe(false);
  });

  it('routes ::/0 through an egress-only gateway of another VPC: different networks', async () => {
    const a = await dualStackVpc('10.3.0.0/16');
    const b = await dualStackVpc('10.4.0.0/16');
    const rtb = (await t.ec2.send(new CreateRouteTableCommand({ VpcId: a.vpcId }))).RouteTable!.RouteTableId!;
    const eigw = (await t.ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: b.vpcId }))).EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId!;
    await expectEc2Error(t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw })), {
      code: 'InvalidParameterValue',
      message: `route table ${rtb} and network gateway ${eigw} belong to different networks`,
    });
  });
});
