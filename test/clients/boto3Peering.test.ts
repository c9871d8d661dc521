/** Wire check: botocore parses the VPC peering calls of two accounts, its waiters succeed, errors carry AWS's code. */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 peers two accounts', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3_peering.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3_peering.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('the requester sees initiating-request with its tags; the accepter sees the request pending', () => {
    expect(seen.created).toMatchObject({
      VpcPeeringConnectionId: seen.pcx,
      Status: { Code: 'initiating-request', Message: 'Initiating Request to 210987654321' },
      RequesterVpcInfo: { OwnerId: '123456789012', CidrBlock: '10.91.0.0/16', CidrBlockSet: [{ CidrBlock: '10.91.0.0/16' }], Region: 'us-east-1' },
      AccepterVpcInfo: { OwnerId: '210987654321', Region: 'us-east-1' },
      Tags: [{ Key: 'Name', Value: 'a-to-b' }],
    });
    expect(seen.pending.Status).toEqual({ Code: 'pending-acceptance', Message: 'Pending Acceptance by 210987654321' });
    expect(typeof seen.pending.ExpirationTime).toBe('string');
  });

  it('only the accepter may accept: OperationNotPermitted, 400', () => {
    expect(seen.refused).toEqual({ code: 'OperationNotPermitted', message: `User (123456789012) cannot accept peering ${seen.pcx}`, status: 400 });
  });

  it('accepted: both sides with blocks and typed options; the options answer is typed', () => {
    expect(seen.accepted.Status).toEqual({ Code: 'active', Message: 'Active' });
    expect(seen.accepted.AccepterVpcInfo).toMatchObject({ CidrBlock: '10.92.0.0/16', PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false } });
    expect(seen.options).toEqual({
      RequesterPeeringConnectionOptions: {
        AllowDnsResolutionFromRemoteVpc: true,
        AllowEgressFromLocalClassicLinkToRemoteVpc: false,
        AllowEgressFromLocalVpcToRemoteClassicLink: false,
      },
    });
  });

  it('the route is active through the connection, blackhole once the accepter deleted it (the deleted waiter succeeds)', () => {
    expect(seen.route).toEqual({ DestinationCidrBlock: '10.92.0.0/16', VpcPeeringConnectionId: seen.pcx, Origin: 'CreateRoute', State: 'active' });
    expect(seen.after.find((r: any) => r.DestinationCidrBlock === '10.92.0.0/16').State).toBe('blackhole');
  });
});
