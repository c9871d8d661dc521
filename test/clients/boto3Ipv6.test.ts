/** boto3 parses the IPv6 shapes of VPCs, subnets, egress-only gateways and routes (test/clients/boto3_ipv6.py). */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 on a dual-stack VPC', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3_ipv6.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3_ipv6.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('sees the VPC /56, its state and the secondary IPv4 block', () => {
    const assoc = { AssociationId: expect.stringMatching(/^vpc-cidr-assoc-/), Ipv6CidrBlock: seen.block, NetworkBorderGroup: 'us-east-1', Ipv6Pool: 'Amazon' };
    expect(seen.block).toMatch(/^2600:1f[0-9a-f]{2}:[0-9a-f:]+\/56$/);
    expect(seen.created).toEqual([{ ...assoc, Ipv6CidrBlockState: { State: 'associating' }, Ipv6AddressAttribute: 'public', IpSource: 'amazon' }]);
    expect(seen.vpc).toEqual({
      CidrBlock: '10.70.0.0/16',
      CidrBlockAssociationSet: [{ AssociationId: expect.stringMatching(/^vpc-cidr-assoc-/), CidrBlock: '10.70.0.0/16', CidrBlockState: { State: 'associated' } }],
      Ipv6CidrBlockAssociationSet: [{ ...assoc, Ipv6CidrBlockState: { State: 'associated' }, Ipv6AddressAttribute: 'public', IpSource: 'amazon' }],
    });
    expect(seen.secondary).toEqual({ AssociationId: expect.stringMatching(/^vpc-cidr-assoc-/), CidrBlock: '10.71.0.0/16', CidrBlockState: { State: 'associating' } });
  });

  it('sees the subnet /64, the egress-only gateway and the IPv6 routes', () => {
    expect(seen.subnet).toEqual({
      Ipv6CidrBlockAssociationSet: [
        {
          AssociationId: expect.stringMatching(/^subnet-cidr-assoc-/),
          Ipv6CidrBlock: seen.block.replace('/56', '/64'),
          Ipv6CidrBlockState: { State: 'associated' },
          Ipv6AddressAttribute: 'public',
          IpSource: 'amazon',
        },
      ],
      AssignIpv6AddressOnCreation: false,
      Ipv6Native: false,
      PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    });
    expect(seen.eigw).toEqual({ Attachments: [{ State: 'attached', VpcId: expect.stringMatching(/^vpc-/) }], EgressOnlyInternetGatewayId: expect.stringMatching(/^eigw-/) });
    expect(seen.routes).toEqual([
      { DestinationCidrBlock: '10.70.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationIpv6CidrBlock: seen.block, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '10.71.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: seen.eigw.EgressOnlyInternetGatewayId, Origin: 'CreateRoute', State: 'active' },
    ]);
  });
});
