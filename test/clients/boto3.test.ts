/**
 * boto3 against an in-process ec2lite on port 0: test/clients/boto3_story.py runs a user's session (client calls,
 * waiters, a paginator, the resource API, ClientError) and reports what it saw; this file asserts on it.
 */
import * as path from 'node:path';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 against ec2lite', () => {
  let t: TestServer;
  /** The JSON report boto3_story.py prints. */
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3_story.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3_story.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('creates a tagged VPC and six subnets; the waiters succeed', () => {
    expect(seen.vpc).toEqual({
      VpcId: seen.vpcId,
      CidrBlock: '10.40.0.0/16',
      State: 'pending',
      IsDefault: false,
      Tags: [
        { Key: 'Name', Value: 'boto vpc' },
        { Key: 'empty', Value: '' },
      ],
    });
    expect(seen.vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(seen.subnet).toEqual({
      VpcId: seen.vpcId,
      CidrBlock: '10.40.0.0/24',
      AvailabilityZone: 'us-east-1a',
      AvailableIpAddressCount: 251,
      MapPublicIpOnLaunch: false,
      DefaultForAz: false,
    });
  });

  it('authorizes ingress from a CIDR and from the group itself', () => {
    expect(seen.authorize).toEqual({
      Return: true,
      rules: [
        ['tcp', 443, 443, '0.0.0.0/0', null, false],
        ['tcp', 5432, 5432, null, seen.groupId, false],
      ],
    });
    expect(seen.group).toEqual({
      GroupName: 'web',
      Description: 'web servers',
      VpcId: seen.vpcId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'https' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
        {
          IpProtocol: 'tcp',
          FromPort: 5432,
          ToPort: 5432,
          IpRanges: [],
          Ipv6Ranges: [],
          PrefixListIds: [],
          UserIdGroupPairs: [{ GroupId: seen.groupId, UserId: '123456789012' }],
        },
      ],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    });
  });

  it('filters by tag with a wildcard', () => {
    expect(seen.byTag).toEqual([seen.vpcId]);
  });

  it('pages with the paginator (MaxResults=5: pages of 5 and 1)', () => {
    expect(seen.pages).toEqual({ sizes: [5, 1], cidrs: [0, 1, 2, 3, 4, 5].map((i) => `10.40.${i}.0/24`) });
  });

  it('the resource API loads the VPC and its subnets', () => {
    expect(seen.resource).toEqual({ cidr: '10.40.0.0/16', tags: ['Name', 'empty'], subnets: 6 });
  });

  it('ClientError carries the code, the exact message and the HTTP status', () => {
    const id = expect.stringMatching(/^[0-9a-f-]{36}$/);
    expect(seen.duplicate).toEqual({
      code: 'InvalidGroup.Duplicate',
      message: `The security group 'web' already exists for VPC '${seen.vpcId}'`,
      status: 400,
      requestId: id,
      operation: 'CreateSecurityGroup',
    });
    expect(seen.malformed).toEqual({
      code: 'InvalidVpcID.Malformed',
      message: 'Invalid id: "vpc-xyz" (expecting "vpc-...")',
      status: 400,
      requestId: id,
      operation: 'DescribeVpcs',
    });
    expect(seen.dependency).toEqual({
      code: 'DependencyViolation',
      message: `The vpc '${seen.vpcId}' has dependencies and cannot be deleted.`,
      status: 400,
      requestId: id,
      operation: 'DeleteVpc',
    });
  });

  it('a value XML cannot carry is refused with an error botocore can read, and nothing is stored', () => {
    expect(seen.controlChar).toEqual({
      code: 'InvalidParameterValue',
      message: 'Value (a\\u0001b) for parameter value is invalid. It must not contain control characters.',
      status: 400,
      requestId: expect.any(String),
      operation: 'CreateTags',
    });
    expect(seen.tagsAfterControlChar).toEqual(['Name', 'empty']);
  });

  it('DryRun answers 412 DryRunOperation and creates nothing', () => {
    expect(seen.dryRun).toEqual({
      code: 'DryRunOperation',
      message: 'Request would have succeeded, but DryRun flag is set.',
      status: 412,
      requestId: expect.any(String),
      operation: 'CreateVpc',
    });
    expect(seen.cidrsAfterDryRun).toEqual(['10.40.0.0/16', '172.31.0.0/16']);
  });

  it('deletes everything', async () => {
    expect(seen.deleteGroup).toBe(true);
    expect(seen.gone).toMatchObject({ code: 'InvalidVpcID.NotFound', message: `The vpc ID '${seen.vpcId}' does not exist`, status: 400 });
    // and the SDK v3 agrees: only the default VPC is left
    const left = await t.ec2.send(new DescribeVpcsCommand({}));
    expect(left.Vpcs!.map((v) => v.CidrBlock)).toEqual(['172.31.0.0/16']);
  });
});
