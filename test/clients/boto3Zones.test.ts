/** Wire check: botocore parses DescribeAvailabilityZones (all zones, filters), the zone group opt-in and carrier gateways. */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 reads zones, the Wavelength opt-in and carrier gateways', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3Zones.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3Zones.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('describe_availability_zones: six us-east-1 zones with every member', () => {
    expect(seen.standard.map((z: any) => z.ZoneName)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((l) => `us-east-1${l}`));
    expect(seen.standard[5]).toEqual({
      State: 'available',
      OptInStatus: 'opt-in-not-required',
      Messages: [],
      RegionName: 'us-east-1',
      ZoneName: 'us-east-1f',
      ZoneId: 'use1-az6',
      GroupName: 'us-east-1-zg-1',
      GroupLongName: 'US East (N. Virginia) 1',
      NetworkBorderGroup: 'us-east-1',
      ZoneType: 'availability-zone',
    });
  });

  it('AllAvailabilityZones with a zone-type filter: the Wavelength Zones with their parents', () => {
    expect(seen.wavelength.map((z: any) => z.ZoneName)).toEqual(['us-east-1-wl1-bos-wlz-1', 'us-east-1-wl1-nyc-wlz-1', 'us-east-1-wl1-atl-wlz-1']);
    expect(seen.wavelength[0]).toMatchObject({ OptInStatus: 'not-opted-in', ZoneType: 'wavelength-zone', ParentZoneName: 'us-east-1c', ParentZoneId: 'use1-az3' });
  });

  it('modify_availability_zone_group opts in; the zone is listed and takes a subnet', () => {
    expect(seen.optedReturn).toBe(true);
    expect(seen.afterOptIn).toContain('us-east-1-wl1-bos-wlz-1');
    expect(seen.subnet).toEqual({ AvailabilityZone: 'us-east-1-wl1-bos-wlz-1', AvailabilityZoneId: 'use1-wl1-bos-wlz1' });
  });

  it('carrier gateway: pending, available, a route through it, deleting', () => {
    expect(seen.created).toMatchObject({ State: 'pending', OwnerId: '123456789012' });
    expect(seen.described).toMatchObject({ CarrierGatewayId: seen.created.CarrierGatewayId, State: 'available' });
    expect(seen.routes).toContainEqual({ DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: seen.created.CarrierGatewayId, Origin: 'CreateRoute', State: 'active' });
    expect(seen.deleted).toMatchObject({ CarrierGatewayId: seen.created.CarrierGatewayId, State: 'deleting' });
  });
});
