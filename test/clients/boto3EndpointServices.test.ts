/** Wire check: botocore drives and parses the PrivateLink calls across two accounts (test/api/vpcEndpointServices.test.ts). */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

const OWNER = '123456789012';
const CONSUMER = '210987654321';

describeWithTool('boto3', 'boto3 reads VPC endpoint services, permissions and connections', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3EndpointServices.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3EndpointServices.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('the service configuration, its booleans, lists and private DNS configuration', () => {
    expect(seen.svc).toMatchObject({
      ServiceType: [{ ServiceType: 'Interface' }],
      ServiceState: 'Available',
      AcceptanceRequired: true,
      ManagesVpcEndpoints: false,
      AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
      PrivateDnsName: 'boto.example.com',
      PrivateDnsNameConfiguration: { State: 'pendingVerification', Type: 'TXT' },
      Tags: [{ Key: 'Name', Value: 'boto' }],
    });
    expect(seen.svc.ServiceName).toBe(`com.amazonaws.vpce.us-east-1.${seen.svc.ServiceId}`);
    expect(seen.configs).toHaveLength(1);
  });

  it('permissions, and the consumer seeing the service with its owner', () => {
    expect(seen.added).toMatchObject({ ReturnValue: true, AddedPrincipals: [{ Principal: `arn:aws:iam::${CONSUMER}:root`, PrincipalType: 'Account' }] });
    expect(seen.permissions).toMatchObject([{ Principal: `arn:aws:iam::${CONSUMER}:root`, PrincipalType: 'Account', ServiceId: seen.svc.ServiceId }]);
    expect(seen.seen).toMatchObject([{ ServiceName: seen.svc.ServiceName, Owner: OWNER, AcceptanceRequired: true }]);
  });

  it('the connection through the paginator, delete refused per item, accept then reject', () => {
    expect(seen.endpoint.State).toBe('pendingAcceptance');
    expect(seen.connections).toMatchObject([{ VpcEndpointId: seen.endpoint.VpcEndpointId, VpcEndpointOwner: CONSUMER, VpcEndpointState: 'pendingAcceptance' }]);
    expect(seen.refused).toEqual([
      { ResourceId: seen.svc.ServiceId, Error: { Code: 'ExistingVpcEndpointConnections', Message: 'Service has existing active VPC Endpoint connections!' } },
    ]);
    expect(seen.accepted).toEqual([]);
    expect(seen.afterAccept.State).toBe('available');
    expect(seen.rejected).toEqual([]);
    expect(seen.afterReject.State).toBe('rejected');
    expect(seen.deleted).toEqual([]);
    expect(seen.gone).toEqual({ code: 'InvalidVpcEndpointServiceId.NotFound', message: `The VpcEndpointService Id '${seen.svc.ServiceId}' does not exist` });
  });
});
