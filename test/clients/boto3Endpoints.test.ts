/** Wire check: botocore parses managed prefix lists, VPC endpoints and the endpoint services. */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 reads managed prefix lists and VPC endpoints', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3Endpoints.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3Endpoints.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('a prefix list with its version, integers typed, and its entries', () => {
    expect(seen.pl).toMatchObject({ PrefixListName: 'corp', State: 'modify-complete', Version: 2, MaxEntries: 2, AddressFamily: 'IPv4', OwnerId: '123456789012', Tags: [] });
    expect(seen.entries).toEqual([{ Cidr: '192.0.2.0/24', Description: 'office' }, { Cidr: '198.51.100.0/24' }]);
    expect(seen.s3).toMatchObject({ OwnerId: 'AWS', PrefixListName: 'com.amazonaws.us-east-1.s3' });
  });

  it('a gateway endpoint routes the table to the s3 list; an interface endpoint has its interface and DNS', () => {
    expect(seen.routes).toContainEqual({ DestinationPrefixListId: seen.s3.PrefixListId, GatewayId: seen.gwId, Origin: 'CreateRoute', State: 'active' });
    const gw = seen.endpoints.find((e: any) => e.VpcEndpointType === 'Gateway');
    expect(gw).toMatchObject({ State: 'available', RouteTableIds: [seen.rtbId], SubnetIds: [], PrivateDnsEnabled: false, RequesterManaged: false });
    const itf = seen.endpoints.find((e: any) => e.VpcEndpointType === 'Interface');
    expect(itf).toMatchObject({ State: 'available', SubnetIds: [seen.subnetId], PrivateDnsEnabled: true, Groups: [{ GroupName: 'default' }] });
    expect(itf.NetworkInterfaceIds).toHaveLength(1);
    expect(itf.DnsEntries.map((d: any) => d.DnsName)).toContain('kms.us-east-1.amazonaws.com');
  });

  it('DescribeVpcEndpointServices and DeleteVpcEndpoints', () => {
    expect(seen.names).toEqual(['com.amazonaws.us-east-1.kms']);
    expect(seen.services[0]).toMatchObject({ ServiceType: [{ ServiceType: 'Interface' }], Owner: 'amazon', AcceptanceRequired: false });
    expect(seen.unsuccessful).toEqual([]);
  });
});
