/** boto3 parses the prefix delegation and subnet CIDR reservation shapes (test/clients/boto3_prefixes.py). */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 on prefix delegation', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3_prefixes.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3_prefixes.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('sees prefixes on the interface, in the Assign/Unassign answers and through the prefix filter', () => {
    expect(seen.created.Ipv4Prefixes).toEqual([{ Ipv4Prefix: '10.80.1.64/28' }]);
    expect(seen.created.Ipv6Prefixes).toEqual([{ Ipv6Prefix: expect.stringMatching(/:1::\/80$/) }]);
    expect(seen.assigned).toEqual({ NetworkInterfaceId: seen.eni, AssignedPrivateIpAddresses: [], AssignedIpv4Prefixes: [{ Ipv4Prefix: '10.80.1.80/28' }] });
    expect(seen.assigned6).toEqual({ NetworkInterfaceId: seen.eni, AssignedIpv6Addresses: [], AssignedIpv6Prefixes: [expect.stringMatching(/:2::\/80$/)] });
    expect(seen.described).toEqual([
      {
        NetworkInterfaceId: seen.eni,
        Ipv4Prefixes: [{ Ipv4Prefix: '10.80.1.64/28' }, { Ipv4Prefix: '10.80.1.80/28' }],
        Ipv6Prefixes: [{ Ipv6Prefix: seen.created.Ipv6Prefixes[0].Ipv6Prefix }, { Ipv6Prefix: seen.assigned6.AssignedIpv6Prefixes[0] }],
      },
    ]);
    expect(seen.unassigned6).toEqual({ NetworkInterfaceId: seen.eni, UnassignedIpv6Addresses: [], UnassignedIpv6Prefixes: seen.assigned6.AssignedIpv6Prefixes });
  });

  it('sees subnet CIDR reservations', () => {
    const reservation = {
      SubnetCidrReservationId: expect.stringMatching(/^scr-/),
      SubnetId: expect.stringMatching(/^subnet-/),
      Cidr: '10.80.1.64/27',
      ReservationType: 'prefix',
      OwnerId: '123456789012',
    };
    expect(seen.reservation).toEqual(reservation);
    expect(seen.listed).toEqual({ SubnetIpv4CidrReservations: [reservation], SubnetIpv6CidrReservations: [] });
  });
});
