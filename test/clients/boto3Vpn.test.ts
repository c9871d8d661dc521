/** Wire check: botocore parses the VPN calls (and its vpn_connection_available waiter) and a traffic mirror filter. */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 reads VPN gateways, connections, propagated routes and mirror filters', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3Vpn.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3Vpn.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('DescribeVpnGateways and DescribeCustomerGateways: attachment, ASNs typed', () => {
    expect(seen.vgw).toEqual({
      VpnGatewayId: seen.vgwId,
      State: 'available',
      Type: 'ipsec.1',
      AmazonSideAsn: 64999,
      VpcAttachments: [{ VpcId: seen.vpcId, State: 'attached' }],
      Tags: [],
    });
    expect(seen.cgw).toEqual({ CustomerGatewayId: seen.cgwId, State: 'available', Type: 'ipsec.1', IpAddress: '198.51.100.50', BgpAsn: '65123', Tags: [] });
  });

  it('the waiter saw the connection available; routes, options, telemetry and the configuration parse', () => {
    expect(seen.vpn.State).toBe('available');
    expect(seen.vpn.Routes).toEqual([{ DestinationCidrBlock: '192.168.50.0/24', Source: 'Static', State: 'available' }]);
    expect(seen.vpn.Options.StaticRoutesOnly).toBe(true);
    expect(seen.vpn.Options.TunnelOptions).toHaveLength(2);
    expect(seen.vpn.VgwTelemetry.map((x: any) => x.Status)).toEqual(['DOWN', 'DOWN']);
    expect(seen.vpn.VgwTelemetry[0].AcceptedRouteCount).toBe(0);
    expect(seen.vpn.CustomerGatewayConfiguration).toContain('<asn>65123</asn>');
  });

  it('DescribeRouteTables: PropagatingVgws and the propagated route', () => {
    expect(seen.table.PropagatingVgws).toEqual([{ GatewayId: seen.vgwId }]);
    expect(seen.table.Routes).toContainEqual({ DestinationCidrBlock: '192.168.50.0/24', GatewayId: seen.vgwId, Origin: 'EnableVgwRoutePropagation', State: 'active' });
  });

  it('DescribeTrafficMirrorFilters: rules by direction with typed ports', () => {
    expect(seen.filter.IngressFilterRules).toEqual([
      expect.objectContaining({ RuleNumber: 10, RuleAction: 'accept', Protocol: 6, DestinationPortRange: { FromPort: 80, ToPort: 80 }, TrafficDirection: 'ingress' }),
    ]);
    expect(seen.filter.EgressFilterRules).toEqual([]);
    expect(seen.filter.Description).toBe('web');
  });
});
