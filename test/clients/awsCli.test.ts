/**
 * The real aws-cli (Python, botocore underneath) against an in-process ec2lite on port 0: a whole story from
 * creating a tagged VPC to deleting everything, including the CLI's auto-pagination, its error output for a
 * failing call and DryRun. Every `aws` call is an asynchronous child process so the server keeps answering.
 */
import { CreateSubnetCommand, DeleteSubnetCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, ProcessResult, run } from './tools';

describeWithTool('awsCli', 'aws-cli against ec2lite', () => {
  let t: TestServer;
  /** DescribeSubnets calls the server answered, whichever HTTP layer read them. */
  let describeSubnetsCalls = 0;

  beforeAll(async () => {
    t = await startTestServer();
    const handle = t.runtime.gateway.handle.bind(t.runtime.gateway);
    jest.spyOn(t.runtime.gateway, 'handle').mockImplementation((request) => {
      if (request.params.Action === 'DescribeSubnets') describeSubnetsCalls++;
      return handle(request);
    });
  });
  afterAll(() => t.close());

  const aws = (...args: string[]): Promise<ProcessResult> =>
    run('aws', ['ec2', ...args, '--endpoint-url', t.url, '--output', 'json'], { env: awsEnv() });

  /** Runs a command that must succeed and returns its JSON output ({} when it prints nothing). */
  async function ok<T = Record<string, unknown>>(...args: string[]): Promise<T> {
    const r = await aws(...args);
    if (r.code !== 0) throw new Error(`aws ec2 ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
    return (r.stdout.trim() ? JSON.parse(r.stdout) : {}) as T;
  }

  /** Runs a command that must fail, and checks the CLI's error line: "An error occurred (Code) when calling …". */
  async function fails(code: string, operation: string, message: string, ...args: string[]): Promise<void> {
    const r = await aws(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe(`An error occurred (${code}) when calling the ${operation} operation: ${message}`);
  }

  interface Vpc {
    VpcId: string;
    CidrBlock: string;
    State: string;
    IsDefault: boolean;
    Tags?: Array<{ Key: string; Value: string }>;
  }
  interface Subnet {
    SubnetId: string;
    VpcId: string;
    CidrBlock: string;
    AvailabilityZone: string;
    AvailableIpAddressCount: number;
    MapPublicIpOnLaunch: boolean;
  }

  // About twenty `aws` processes, each a second of Python start-up on a busy 2-core machine: a generous bound.
  it('creates, describes, pages through, fails, dry-runs and deletes', async () => {
    // a VPC with tags (shorthand syntax, a value with a space)
    const { Vpc: vpc } = await ok<{ Vpc: Vpc }>(
      'create-vpc',
      '--cidr-block', '10.20.0.0/16',
      '--tag-specifications', 'ResourceType=vpc,Tags=[{Key=Name,Value=cli vpc},{Key=team,Value=net}]',
    );
    expect(vpc).toMatchObject({ CidrBlock: '10.20.0.0/16', State: 'pending', IsDefault: false });
    expect(vpc.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(vpc.Tags).toEqual(expect.arrayContaining([{ Key: 'Name', Value: 'cli vpc' }, { Key: 'team', Value: 'net' }]));

    // two subnets and a security group, in parallel (the server answers concurrent clients)
    const [sub1, sub2, sg] = await Promise.all([
      ok<{ Subnet: Subnet }>('create-subnet', '--vpc-id', vpc.VpcId, '--cidr-block', '10.20.0.0/24', '--availability-zone', 'us-east-1a'),
      ok<{ Subnet: Subnet }>('create-subnet', '--vpc-id', vpc.VpcId, '--cidr-block', '10.20.1.0/24', '--availability-zone', 'us-east-1b'),
      ok<{ GroupId: string }>('create-security-group', '--group-name', 'web', '--description', 'web servers', '--vpc-id', vpc.VpcId),
    ]);
    expect(sub1.Subnet).toMatchObject({ VpcId: vpc.VpcId, CidrBlock: '10.20.0.0/24', AvailabilityZone: 'us-east-1a', AvailableIpAddressCount: 251, MapPublicIpOnLaunch: false });
    expect(sub2.Subnet).toMatchObject({ VpcId: vpc.VpcId, CidrBlock: '10.20.1.0/24', AvailabilityZone: 'us-east-1b' });
    const groupId = sg.GroupId;
    expect(groupId).toMatch(/^sg-[0-9a-f]{17}$/);

    // an ingress rule (the CLI's --protocol/--port/--cidr shortcut builds IpPermissions)
    const auth = await ok<{ Return: boolean; SecurityGroupRules: Array<Record<string, unknown>> }>(
      'authorize-security-group-ingress', '--group-id', groupId, '--protocol', 'tcp', '--port', '22', '--cidr', '203.0.113.0/24',
    );
    expect(auth.Return).toBe(true);
    expect(auth.SecurityGroupRules).toEqual([
      expect.objectContaining({ GroupId: groupId, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.0/24' }),
    ]);

    // describe with filters
    const [byTag, groups] = await Promise.all([
      ok<{ Vpcs: Vpc[] }>('describe-vpcs', '--filters', 'Name=tag:Name,Values=cli vpc'),
      ok<{ SecurityGroups: Array<{ GroupName: string; IpPermissions: unknown[] }> }>(
        'describe-security-groups', '--filters', `Name=vpc-id,Values=${vpc.VpcId}`, 'Name=group-name,Values=web',
      ),
    ]);
    expect(byTag.Vpcs.map((v) => [v.VpcId, v.State])).toEqual([[vpc.VpcId, 'available']]);
    expect(groups.SecurityGroups).toHaveLength(1);
    expect(groups.SecurityGroups[0].IpPermissions).toEqual([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ]);

    // four more subnets through the SDK v3 (fast), so that six need two pages of five
    const more: string[] = [];
    for (let i = 2; i < 6; i++) {
      const out = await t.ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: `10.20.${i}.0/24` }));
      more.push(out.Subnet!.SubnetId!);
    }
    const cidrs = [0, 1, 2, 3, 4, 5].map((i) => `10.20.${i}.0/24`);

    // auto-pagination: --page-size 5 makes the CLI send MaxResults=5 and follow NextToken; it prints one list
    const before = describeSubnetsCalls;
    const paged = await ok<{ Subnets: Subnet[]; NextToken?: string }>(
      'describe-subnets', '--filters', `Name=vpc-id,Values=${vpc.VpcId}`, '--page-size', '5',
    );
    expect(describeSubnetsCalls - before).toBe(2); // two pages: 5 + 1
    expect(paged.Subnets.map((s) => s.CidrBlock).sort()).toEqual(cidrs);
    expect(paged.NextToken).toBeUndefined();

    await Promise.all([
      (async () => {
        // --max-items stops early and hands out a token to resume from
        const first = await ok<{ Subnets: Subnet[]; NextToken: string }>(
          'describe-subnets', '--filters', `Name=vpc-id,Values=${vpc.VpcId}`, '--page-size', '5', '--max-items', '4',
        );
        expect(first.Subnets).toHaveLength(4);
        expect(typeof first.NextToken).toBe('string');
        const rest = await ok<{ Subnets: Subnet[] }>(
          'describe-subnets', '--filters', `Name=vpc-id,Values=${vpc.VpcId}`, '--page-size', '5', '--starting-token', first.NextToken,
        );
        expect([...first.Subnets, ...rest.Subnets].map((s) => s.CidrBlock).sort()).toEqual(cidrs);
      })(),
      // a failing call: the CLI prints AWS's code and exact message
      fails(
        'InvalidGroup.Duplicate',
        'CreateSecurityGroup',
        `The security group 'web' already exists for VPC '${vpc.VpcId}'`,
        'create-security-group', '--group-name', 'web', '--description', 'again', '--vpc-id', vpc.VpcId,
      ),
      // DryRun: DryRunOperation (HTTP 412; the CLI shows the code and message)
      fails('DryRunOperation', 'CreateVpc', 'Request would have succeeded, but DryRun flag is set.', 'create-vpc', '--cidr-block', '10.30.0.0/16', '--dry-run'),
    ]);
    // the dry run created nothing
    const all = await t.ec2.send(new DescribeVpcsCommand({}));
    expect(all.Vpcs!.map((v) => v.CidrBlock).sort()).toEqual(['10.20.0.0/16', '172.31.0.0/16']);

    // delete everything; the VPC refuses to go while it has subnets
    await fails(
      'DependencyViolation',
      'DeleteVpc',
      `The vpc '${vpc.VpcId}' has dependencies and cannot be deleted.`,
      'delete-vpc', '--vpc-id', vpc.VpcId,
    );
    for (const id of more) await t.ec2.send(new DeleteSubnetCommand({ SubnetId: id }));
    await Promise.all([
      ok('delete-security-group', '--group-id', groupId),
      ok('delete-subnet', '--subnet-id', sub1.Subnet.SubnetId),
      ok('delete-subnet', '--subnet-id', sub2.Subnet.SubnetId),
    ]);
    await ok('delete-vpc', '--vpc-id', vpc.VpcId);
    await fails('InvalidVpcID.NotFound', 'DescribeVpcs', `The vpc ID '${vpc.VpcId}' does not exist`, 'describe-vpcs', '--vpc-ids', vpc.VpcId);
    // the SDK v3 sees the same state
    await expectEc2Error(t.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.VpcId] })), {
      code: 'InvalidVpcID.NotFound',
      message: `The vpc ID '${vpc.VpcId}' does not exist`,
    });
  }, 120_000);
});
