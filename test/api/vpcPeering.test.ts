/** VPC peering across accounts and regions: life cycle, who may do what, Describe, options, routes through it. */
import {
  AcceptVpcPeeringConnectionCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateSubnetCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteTagsCommand,
  DeleteVpcCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeTagsCommand,
  DescribeVpcPeeringConnectionsCommand,
  EC2Client,
  ModifyVpcPeeringConnectionOptionsCommand,
  RejectVpcPeeringConnectionCommand,
  ReplaceRouteCommand,
  VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { fetchBroadcast, items, parse } from '../broadcast/helpers';
import { useTestServer } from '../helpers/env';
import { runOne } from '../helpers/network';
import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';

const A = '123456789012';
const B = '210987654321';
const HOUR = 3_600_000;

let t: TestServer;
let a: EC2Client; // the default account, us-east-1
let b: EC2Client; // another account, us-east-1
let aWest: EC2Client; // the default account, us-west-2
useTestServer({}, (env) => ({ t } = env));
beforeAll(() => {
  a = t.ec2;
  b = t.client({ accessKeyId: B });
  aWest = t.client({ region: 'us-west-2' });
});

let nextOctet = 0;
/** A VPC with a CIDR no other test uses (10.N.0.0/16), so peerings do not overlap by accident. */
async function vpc(client: EC2Client, cidr = `10.${++nextOctet}.0.0/16`): Promise<string> {
  return (await client.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;
}
const describe1 = async (client: EC2Client, id: string): Promise<VpcPeeringConnection> =>
  (await client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }))).VpcPeeringConnections![0];
async function request(client: EC2Client, vpcId: string, peerVpcId: string, extra: { PeerOwnerId?: string; PeerRegion?: string } = {}) {
  return (await client.send(new CreateVpcPeeringConnectionCommand({ VpcId: vpcId, PeerVpcId: peerVpcId, ...extra }))).VpcPeeringConnection!;
}
/** A connection between two fresh VPCs of the default account, accepted. */
async function activePeering(cidr1?: string) {
  const [v1, v2] = [await vpc(a, cidr1), await vpc(a)];
  const pcx = (await request(a, v1, v2)).VpcPeeringConnectionId!;
  await a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
  return { v1, v2, pcx };
}
async function routeState(client: EC2Client, table: string, cidr: string) {
  const rt = (await client.send(new DescribeRouteTablesCommand({ RouteTableIds: [table] }))).RouteTables![0];
  return rt.Routes!.find((r) => r.DestinationCidrBlock === cidr);
}
const newTable = async (client: EC2Client, vpcId: string) =>
  (await client.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;

describe('life cycle in one account', () => {
  it('answers initiating-request, then pending-acceptance through the back end, then active once accepted', async () => {
    const [v1, v2] = [await vpc(a, '10.101.0.0/16'), await vpc(a, '10.102.0.0/16')];
    const created = await request(a, v1, v2);
    expect(created.VpcPeeringConnectionId).toMatch(/^pcx-[0-9a-f]{17}$/);
    expect(created.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${A}` });
    expect(created.RequesterVpcInfo).toMatchObject({ OwnerId: A, VpcId: v1, Region: 'us-east-1', CidrBlock: '10.101.0.0/16', CidrBlockSet: [{ CidrBlock: '10.101.0.0/16' }] });
    // the accepter's blocks and both sides' options show only once active (as AWS)
    expect(created.AccepterVpcInfo).toEqual({ OwnerId: A, VpcId: v2, Region: 'us-east-1' });

    const pending = await describe1(a, created.VpcPeeringConnectionId!);
    expect(pending.Status).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${A}` });
    // AWS: an unaccepted request expires after 7 days
    const left = pending.ExpirationTime!.getTime() - t.runtime.services.clock.now();
    expect(left).toBeLessThanOrEqual(7 * 24 * HOUR);
    expect(left).toBeGreaterThan(7 * 24 * HOUR - 60_000);

    const accepted = (await a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: created.VpcPeeringConnectionId }))).VpcPeeringConnection!;
    expect(accepted.Status).toEqual({ Code: 'active', Message: 'Active' });
    expect(accepted.ExpirationTime).toBeUndefined();
    expect(accepted.AccepterVpcInfo).toMatchObject({ OwnerId: A, VpcId: v2, CidrBlock: '10.102.0.0/16', CidrBlockSet: [{ CidrBlock: '10.102.0.0/16' }] });
    expect(accepted.RequesterVpcInfo!.PeeringOptions).toEqual({
      AllowDnsResolutionFromRemoteVpc: false,
      AllowEgressFromLocalClassicLinkToRemoteVpc: false,
      AllowEgressFromLocalVpcToRemoteClassicLink: false,
    });
  });

  it('shows every IPv4 block and the IPv6 block of both VPCs once active; a secondary block that overlaps fails it', async () => {
    const v1 = (await a.send(new CreateVpcCommand({ CidrBlock: '10.140.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc!.VpcId!;
    await a.send(new AssociateVpcCidrBlockCommand({ VpcId: v1, CidrBlock: '10.141.0.0/16' }));
    const v2 = await vpc(a, '10.142.0.0/16');
    const pcx = (await request(a, v1, v2)).VpcPeeringConnectionId!;
    await a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const seen = await describe1(a, pcx);
    expect(seen.RequesterVpcInfo!.CidrBlockSet).toEqual([{ CidrBlock: '10.140.0.0/16' }, { CidrBlock: '10.141.0.0/16' }]);
    expect(seen.RequesterVpcInfo!.Ipv6CidrBlockSet).toEqual([{ Ipv6CidrBlock: expect.stringMatching(/::\/56$/) }]);
    expect(seen.AccepterVpcInfo!.Ipv6CidrBlockSet).toBeUndefined();
    const v3 = await vpc(a, '10.141.128.0/17');
    expect((await describe1(a, (await request(a, v3, v1)).VpcPeeringConnectionId!)).Status!.Code).toBe('failed');
  });

  it('fails (after answering) when the CIDR blocks overlap, with AWS status message', async () => {
    const [v1, v2] = [await vpc(a, '10.200.0.0/16'), await vpc(a, '10.200.128.0/17')];
    const created = await request(a, v1, v2);
    expect(created.Status!.Code).toBe('initiating-request');
    expect((await describe1(a, created.VpcPeeringConnectionId!)).Status).toEqual({
      Code: 'failed',
      Message: 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range.',
    });
    // a failed connection cannot be accepted, deleted or routed to
    await expectEc2Error(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: created.VpcPeeringConnectionId })), {
      code: 'InvalidStateTransition',
      message: `VpcPeeringConnectionID ${created.VpcPeeringConnectionId} is not in the correct state for the request.`,
    });
    await expectEc2Error(a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: created.VpcPeeringConnectionId })), { code: 'InvalidStateTransition' });
  });

  it('refuses unknown VPCs of the caller, a missing PeerVpcId and the VPC itself', async () => {
    const v1 = await vpc(a);
    await expectEc2Error(request(a, 'vpc-0123456789abcdef0', v1), { code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0123456789abcdef0' does not exist" });
    await expectEc2Error(request(a, v1, 'vpc-0123456789abcdef0'), { code: 'InvalidVpcID.NotFound' });
    await expectEc2Error(a.send(new CreateVpcPeeringConnectionCommand({ VpcId: v1 })), { code: 'MissingParameter' });
    await expectEc2Error(request(a, v1, v1), { code: 'InvalidParameterValue' });
    const bad = await rawQuery(t.url, { Action: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: 'pcx-nothex' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('<Code>InvalidVpcPeeringConnectionId.Malformed</Code>');
    await expectEc2Error(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: 'pcx-0123456789abcdef0' })), {
      code: 'InvalidVpcPeeringConnectionID.NotFound',
      message: "The vpcPeeringConnection ID 'pcx-0123456789abcdef0' does not exist",
    });
  });

  it('one active connection per pair of VPCs: a second request, or accepting a second one, is refused', async () => {
    const [v1, v2] = [await vpc(a), await vpc(a)];
    const first = (await request(a, v1, v2)).VpcPeeringConnectionId!;
    const second = (await request(a, v2, v1)).VpcPeeringConnectionId!;
    await a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: first }));
    const exists = { code: 'VpcPeeringConnectionAlreadyExists', message: 'A VPC peering connection between the VPCs already exists.' };
    await expectEc2Error(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: second })), exists);
    await expectEc2Error(request(a, v1, v2), exists);
  });

  it('DryRun validates and creates nothing', async () => {
    const [v1, v2] = [await vpc(a), await vpc(a)];
    await expectEc2Error(a.send(new CreateVpcPeeringConnectionCommand({ VpcId: v1, PeerVpcId: v2, DryRun: true })), { code: 'DryRunOperation', status: 412 });
    const found = await a.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: [v1] }] }));
    expect(found.VpcPeeringConnections).toEqual([]);
  });
});

describe('two accounts', () => {
  it('both see the request; only the accepter may accept or reject; either may delete once active', async () => {
    const [va, vb] = [await vpc(a), await vpc(b)];
    const pcx = (await request(a, va, vb, { PeerOwnerId: B })).VpcPeeringConnectionId!;
    const seenByB = await describe1(b, pcx);
    expect(seenByB.Status).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${B}` });
    expect(seenByB.RequesterVpcInfo!.OwnerId).toBe(A);
    expect(seenByB.AccepterVpcInfo).toEqual({ OwnerId: B, VpcId: vb, Region: 'us-east-1' });

    await expectEc2Error(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx })), {
      code: 'OperationNotPermitted',
      message: `User (${A}) cannot accept peering ${pcx}`,
    });
    await expectEc2Error(a.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx })), {
      code: 'OperationNotPermitted',
      message: `User (${A}) cannot reject peering ${pcx}`,
    });
    // the accepter cannot delete a pending request (it rejects it)
    await expectEc2Error(b.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx })), { code: 'InvalidStateTransition' });
    // a third account does not see it at all
    const c = t.client({ accessKeyId: '333333333333' });
    await expectEc2Error(c.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] })), { code: 'InvalidVpcPeeringConnectionID.NotFound' });

    const accepted = (await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }))).VpcPeeringConnection!;
    expect(accepted.Status!.Code).toBe('active');
    expect((await describe1(a, pcx)).Status!.Code).toBe('active');

    expect((await b.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }))).Return).toBe(true);
    expect((await describe1(a, pcx)).Status).toEqual({ Code: 'deleted', Message: `Deleted by ${B}` });
    await expectEc2Error(a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx })), { code: 'InvalidStateTransition' });
  });

  it('fails when the peer VPC is not in the named account', async () => {
    const va = await vpc(a);
    const vbInA = await vpc(a);
    const created = await request(a, va, vbInA, { PeerOwnerId: B });
    expect(created.Status!.Code).toBe('initiating-request');
    expect((await describe1(b, created.VpcPeeringConnectionId!)).Status!.Code).toBe('failed');
  });

  it('rejected: both see it, and it goes after --terminated-ttl-ms like deleted ones', async () => {
    const [va, vb] = [await vpc(a), await vpc(b)];
    const pcx = (await request(a, va, vb, { PeerOwnerId: B })).VpcPeeringConnectionId!;
    expect((await b.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }))).Return).toBe(true);
    expect((await describe1(a, pcx)).Status).toEqual({ Code: 'rejected', Message: `Rejected by ${B}` });
    await expectEc2Error(b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx })), { code: 'InvalidStateTransition' });
    t.advance(HOUR + 1);
    await expectEc2Error(a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] })), { code: 'InvalidVpcPeeringConnectionID.NotFound' });
    await expectEc2Error(b.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] })), { code: 'InvalidVpcPeeringConnectionID.NotFound' });
  });
});

describe('tags: each side keeps its own', () => {
  it('requester and accepter tag the same connection differently; each sees, filters on and deletes only its own', async () => {
    const [va, vb] = [await vpc(a), await vpc(b)];
    const created = (
      await a.send(
        new CreateVpcPeeringConnectionCommand({
          VpcId: va,
          PeerVpcId: vb,
          PeerOwnerId: B,
          TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: 'a-to-b' }] }],
        }),
      )
    ).VpcPeeringConnection!;
    const pcx = created.VpcPeeringConnectionId!;
    expect(created.Tags).toEqual([{ Key: 'Name', Value: 'a-to-b' }]);
    // the requester's TagSpecifications are not the accepter's, before or after it accepts
    expect((await describe1(b, pcx)).Tags).toEqual([]);
    const accepted = (await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }))).VpcPeeringConnection!;
    expect(accepted.Tags).toEqual([]);
    await b.send(new CreateTagsCommand({ Resources: [pcx], Tags: [{ Key: 'Name', Value: 'b-from-a' }, { Key: 'side', Value: 'accepter' }] }));
    await a.send(new CreateTagsCommand({ Resources: [pcx], Tags: [{ Key: 'team', Value: 'net' }] }));
    expect((await describe1(a, pcx)).Tags).toEqual([
      { Key: 'Name', Value: 'a-to-b' },
      { Key: 'team', Value: 'net' },
    ]);
    expect((await describe1(b, pcx)).Tags).toEqual([
      { Key: 'Name', Value: 'b-from-a' },
      { Key: 'side', Value: 'accepter' },
    ]);
    // DescribeTags agrees with DescribeVpcPeeringConnections in each account
    const described = async (client: EC2Client) =>
      (await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [pcx] }] }))).Tags!.map((x) => [x.Key, x.Value, x.ResourceType]);
    expect(await described(a)).toEqual([
      ['Name', 'a-to-b', 'vpc-peering-connection'],
      ['team', 'net', 'vpc-peering-connection'],
    ]);
    expect(await described(b)).toEqual([
      ['Name', 'b-from-a', 'vpc-peering-connection'],
      ['side', 'accepter', 'vpc-peering-connection'],
    ]);
    // tag filters (exact and wildcard) match the caller's own tags
    const filtered = async (client: EC2Client, Name: string, Values: string[]) =>
      (await client.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name, Values }, { Name: 'vpc-peering-connection-id', Values: [pcx] }] })))
        .VpcPeeringConnections!.map((p) => p.VpcPeeringConnectionId);
    expect(await filtered(a, 'tag:Name', ['a-to-b'])).toEqual([pcx]);
    expect(await filtered(b, 'tag:Name', ['a-to-b'])).toEqual([]);
    expect(await filtered(b, 'tag:Name', ['b-*'])).toEqual([pcx]);
    expect(await filtered(a, 'tag-key', ['side'])).toEqual([]);
    expect(await filtered(b, 'tag-value', ['accept*'])).toEqual([pcx]);
    // DeleteTags by one side leaves the other's
    await b.send(new DeleteTagsCommand({ Resources: [pcx], Tags: [{ Key: 'Name' }] }));
    expect((await describe1(b, pcx)).Tags).toEqual([{ Key: 'side', Value: 'accepter' }]);
    expect((await describe1(a, pcx)).Tags).toEqual([
      { Key: 'Name', Value: 'a-to-b' },
      { Key: 'team', Value: 'net' },
    ]);
    await a.send(new DeleteTagsCommand({ Resources: [pcx] }));
    expect((await describe1(a, pcx)).Tags).toEqual([]);
    expect((await describe1(b, pcx)).Tags).toEqual([{ Key: 'side', Value: 'accepter' }]);
  });

  it('across regions of one account, each region keeps its own tags too', async () => {
    const [v1, v2] = [await vpc(a), await vpc(aWest)];
    const pcx = (await request(a, v1, v2, { PeerRegion: 'us-west-2' })).VpcPeeringConnectionId!;
    await a.send(new CreateTagsCommand({ Resources: [pcx], Tags: [{ Key: 'Name', Value: 'east' }] }));
    await aWest.send(new CreateTagsCommand({ Resources: [pcx], Tags: [{ Key: 'Name', Value: 'west' }] }));
    expect((await describe1(a, pcx)).Tags).toEqual([{ Key: 'Name', Value: 'east' }]);
    expect((await describe1(aWest, pcx)).Tags).toEqual([{ Key: 'Name', Value: 'west' }]);
  });
});

describe('two regions', () => {
  it('is accepted in the accepter region only', async () => {
    const [east, west] = [await vpc(a), await vpc(aWest)];
    const pcx = (await request(a, east, west, { PeerRegion: 'us-west-2' })).VpcPeeringConnectionId!;
    expect((await describe1(aWest, pcx)).AccepterVpcInfo).toEqual({ OwnerId: A, VpcId: west, Region: 'us-west-2' });
    await expectEc2Error(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx })), {
      code: 'OperationNotPermitted',
      message: `Incorrect region (us-east-1) specified for this request. VPC peering connection ${pcx} must be accepted or rejected in region us-west-2`,
    });
    await aWest.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const seen = await describe1(a, pcx);
    expect(seen.Status!.Code).toBe('active');
    expect(seen.AccepterVpcInfo).toMatchObject({ Region: 'us-west-2', CidrBlock: expect.stringMatching(/^10\.\d+\.0\.0\/16$/) });
  });
});

describe('DescribeVpcPeeringConnections', () => {
  it('filters by every documented name and pages', async () => {
    const [v1, v2, v3] = [await vpc(a, '10.150.0.0/16'), await vpc(a, '10.151.0.0/16'), await vpc(b, '10.152.0.0/16')];
    const p1 = (await a.send(new CreateVpcPeeringConnectionCommand({
      VpcId: v1,
      PeerVpcId: v2,
      TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'team', Value: 'net' }] }],
    }))).VpcPeeringConnection!.VpcPeeringConnectionId!;
    const p2 = (await request(a, v1, v3, { PeerOwnerId: B })).VpcPeeringConnectionId!;
    await a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: p1 }));
    const ids = async (Name: string, Values: string[]) =>
      (await a.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name, Values }, { Name: 'requester-vpc-info.vpc-id', Values: [v1] }] })))
        .VpcPeeringConnections!.map((p) => p.VpcPeeringConnectionId)
        .sort();
    const both = [p1, p2].sort();
    expect(await ids('status-code', ['active'])).toEqual([p1]);
    expect(await ids('status-code', ['pending-acceptance'])).toEqual([p2]);
    expect(await ids('status-message', ['Pending Acceptance by *'])).toEqual([p2]);
    expect(await ids('accepter-vpc-info.owner-id', [B])).toEqual([p2]);
    expect(await ids('accepter-vpc-info.vpc-id', [v2])).toEqual([p1]);
    expect(await ids('accepter-vpc-info.cidr-block', ['10.151.0.0/16'])).toEqual([p1]);
    expect(await ids('requester-vpc-info.cidr-block', ['10.150.0.0/16'])).toEqual(both);
    expect(await ids('requester-vpc-info.owner-id', [A])).toEqual(both);
    expect(await ids('vpc-peering-connection-id', [p2])).toEqual([p2]);
    expect(await ids('expiration-time', ['*'])).toEqual([p2]);
    expect(await ids('tag:team', ['net'])).toEqual([p1]);
    expect(await ids('tag-key', ['team'])).toEqual([p1]);

    const first = await a.send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: 5, Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: [v1] }] }));
    expect(first.VpcPeeringConnections!.length).toBe(2);
    for (let i = 0; i < 4; i++) await request(a, v1, await vpc(a));
    const paged = await a.send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: 5 }));
    let all = paged.VpcPeeringConnections!.length;
    let token = paged.NextToken;
    while (token) {
      const next = await a.send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: 5, NextToken: token }));
      all += next.VpcPeeringConnections!.length;
      token = next.NextToken;
    }
    expect(all).toBe((await a.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections!.length);
    expect(all).toBeGreaterThan(5);
  });
});

describe('ModifyVpcPeeringConnectionOptions', () => {
  it('sets DNS resolution per side, by that side only, on an active connection', async () => {
    const [va, vb] = [await vpc(a), await vpc(b)];
    const pcx = (await request(a, va, vb, { PeerOwnerId: B })).VpcPeeringConnectionId!;
    const dns = { AllowDnsResolutionFromRemoteVpc: true };
    await expectEc2Error(a.send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: pcx, RequesterPeeringConnectionOptions: dns })), {
      code: 'OperationNotPermitted',
    });
    await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    await expectEc2Error(
      a.send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: pcx, RequesterPeeringConnectionOptions: { AllowEgressFromLocalClassicLinkToRemoteVpc: true } })),
      { code: 'InvalidParameterValue', message: /EC2-Classic/ },
    );
    await expectEc2Error(a.send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: pcx, AccepterPeeringConnectionOptions: dns })), {
      code: 'OperationNotPermitted',
    });
    const out = await a.send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: pcx, RequesterPeeringConnectionOptions: dns }));
    expect(out.RequesterPeeringConnectionOptions!.AllowDnsResolutionFromRemoteVpc).toBe(true);
    expect(out.AccepterPeeringConnectionOptions).toBeUndefined();
    const seen = await describe1(b, pcx);
    expect(seen.RequesterVpcInfo!.PeeringOptions!.AllowDnsResolutionFromRemoteVpc).toBe(true);
    expect(seen.AccepterVpcInfo!.PeeringOptions!.AllowDnsResolutionFromRemoteVpc).toBe(false);
  });
});

describe('routes through a peering', () => {
  it('are blackhole while pending, active once accepted, blackhole in both accounts once deleted', async () => {
    const [va, vb] = [await vpc(a, '10.160.0.0/16'), await vpc(b, '10.161.0.0/16')];
    const pcx = (await request(a, va, vb, { PeerOwnerId: B })).VpcPeeringConnectionId!;
    const [ta, tb] = [await newTable(a, va), await newTable(b, vb)];
    await a.send(new CreateRouteCommand({ RouteTableId: ta, DestinationCidrBlock: '10.161.0.0/16', VpcPeeringConnectionId: pcx }));
    expect(await routeState(a, ta, '10.161.0.0/16')).toMatchObject({ VpcPeeringConnectionId: pcx, State: 'blackhole', Origin: 'CreateRoute' });

    await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    expect((await routeState(a, ta, '10.161.0.0/16'))!.State).toBe('active');
    await b.send(new CreateRouteCommand({ RouteTableId: tb, DestinationCidrBlock: '10.160.0.0/16', VpcPeeringConnectionId: pcx }));
    expect((await routeState(b, tb, '10.160.0.0/16'))!.State).toBe('active');
    const filtered = await a.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.vpc-peering-connection-id', Values: [pcx] }] }));
    expect(filtered.RouteTables!.map((r) => r.RouteTableId)).toEqual([ta]);

    await a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    expect((await routeState(a, ta, '10.161.0.0/16'))!.State).toBe('blackhole');
    expect((await routeState(b, tb, '10.160.0.0/16'))!.State).toBe('blackhole');
    await expectEc2Error(a.send(new CreateRouteCommand({ RouteTableId: ta, DestinationCidrBlock: '10.99.0.0/16', VpcPeeringConnectionId: pcx })), {
      code: 'InvalidVpcPeeringConnectionID.NotFound',
    });
  });

  it('refuses a table of another VPC, a destination inside the VPC, and an unknown connection; ReplaceRoute moves to it', async () => {
    const { v1, pcx } = await activePeering('10.190.0.0/16');
    const other = await vpc(a);
    await expectEc2Error(a.send(new CreateRouteCommand({ RouteTableId: await newTable(a, other), DestinationCidrBlock: '10.250.0.0/16', VpcPeeringConnectionId: pcx })), {
      code: 'InvalidParameterValue',
      message: /belong to different networks/,
    });
    const table = await newTable(a, v1);
    await expectEc2Error(a.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '10.190.7.0/24', VpcPeeringConnectionId: pcx })), {
      code: 'InvalidParameterValue',
      message: 'Route target is not supported. This route only supports interface and instance targets.',
    });
    await expectEc2Error(a.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '10.250.0.0/16', VpcPeeringConnectionId: 'pcx-0123456789abcdef0' })), {
      code: 'InvalidVpcPeeringConnectionID.NotFound',
    });
    const t2 = await newTable(a, v1);
    const igw = (await a.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: v1 }));
    await a.send(new CreateRouteCommand({ RouteTableId: t2, DestinationCidrBlock: '10.250.0.0/16', GatewayId: igw }));
    await a.send(new ReplaceRouteCommand({ RouteTableId: t2, DestinationCidrBlock: '10.250.0.0/16', VpcPeeringConnectionId: pcx }));
    expect((await routeState(a, t2, '10.250.0.0/16'))!.GatewayId).toBeUndefined();
    expect(await routeState(a, t2, '10.250.0.0/16')).toMatchObject({ VpcPeeringConnectionId: pcx, State: 'active' });
  });

  it('DeleteVpc deletes its connections: the peer side\'s routes go blackhole', async () => {
    const [va, vb] = [await vpc(a, '10.170.0.0/16'), await vpc(b, '10.171.0.0/16')];
    const pcx = (await request(a, va, vb, { PeerOwnerId: B })).VpcPeeringConnectionId!;
    await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const tb = await newTable(b, vb);
    await b.send(new CreateRouteCommand({ RouteTableId: tb, DestinationCidrBlock: '10.170.0.0/16', VpcPeeringConnectionId: pcx }));
    await a.send(new DeleteVpcCommand({ VpcId: va }));
    expect((await describe1(b, pcx)).Status).toEqual({ Code: 'deleted', Message: `Deleted by ${A}` });
    // the deleted VPC's blocks are still shown, from the copy taken at creation
    expect((await describe1(b, pcx)).RequesterVpcInfo!.CidrBlock).toBe('10.170.0.0/16');
    expect((await routeState(b, tb, '10.170.0.0/16'))!.State).toBe('blackhole');
  });

  it('appear in the broadcast document while active', async () => {
    const [v1, v2] = [await vpc(a, '10.180.0.0/16'), await vpc(a, '10.181.0.0/16')];
    const pcx = (await request(a, v1, v2)).VpcPeeringConnectionId!;
    await a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const subnet = (await a.send(new CreateSubnetCommand({ VpcId: v1, CidrBlock: '10.180.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    await runOne(a, { SubnetId: subnet });
    const main = (await a.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [v1] }] }))).RouteTables![0].RouteTableId!;
    await a.send(new CreateRouteCommand({ RouteTableId: main, DestinationCidrBlock: '10.181.0.0/16', VpcPeeringConnectionId: pcx }));
    const routesOf = async () => {
      const doc = await parse((await fetchBroadcast(t.url, '?fresh=true')).xml);
      const vpcEl = items(doc['network-data'].vpcs, 'vpc').find((v: { $: { name: string } }) => v.$.name === v1);
      const rt = items(vpcEl.routeTables, 'routeTable').find((r: { $: { name: string } }) => r.$.name === main);
      return items(rt.routes, 'route') as Array<{ destinationCidr: string[]; vpcPeeringConnectionId?: string[]; gatewayId?: string[] }>;
    };
    const peered = (await routesOf()).find((r) => r.destinationCidr[0] === '10.181.0.0/16');
    expect(peered).toMatchObject({ vpcPeeringConnectionId: [pcx] });
    expect(peered!.gatewayId).toBeUndefined();
    await a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    expect((await routesOf()).map((r) => r.destinationCidr[0])).not.toContain('10.181.0.0/16');
  });
});
