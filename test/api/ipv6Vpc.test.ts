import {
  AssociateVpcCidrBlockCommand,
  CreateDefaultSubnetCommand,
  CreateDefaultVpcCommand,
  CreateSecurityGroupCommand,
  DeleteInternetGatewayCommand,
  DescribeAccountAttributesCommand,
  DescribeInternetGatewaysCommand,
  DescribeSubnetsCommand,
  DetachInternetGatewayCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeRouteTablesCommand,
  DescribeVpcsCommand,
  DisassociateVpcCidrBlockCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';

let t: TestServer;
useTestServer({}, (env) => ({ t } = env));

const vpcOf = async (id: string) => (await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }))).Vpcs![0];
const localRoutes = async (vpcId: string) =>
  (await t.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).RouteTables!.map((rt) =>
    rt.Routes!.filter((r) => r.GatewayId === 'local').map((r) => r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock),
  );

describe('CreateVpc AmazonProvidedIpv6CidrBlock', () => {
  it('gives a /56 from the scope pool (associating, then associated) with a local route', async () => {
    const out = await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }));
    const assoc = out.Vpc!.Ipv6CidrBlockAssociationSet!;
    expect(assoc).toEqual([
      {
        AssociationId: expect.stringMatching(/^vpc-cidr-assoc-[0-9a-f]{17}$/),
        Ipv6CidrBlock: expect.stringMatching(/^2600:1f[0-9a-f]{2}:[0-9a-f]{1,4}(:[0-9a-f]{1,4})?::\/56$/),
        Ipv6CidrBlockState: { State: 'associating' },
        NetworkBorderGroup: 'us-east-1',
        Ipv6Pool: 'Amazon',
        Ipv6AddressAttribute: 'public',
        IpSource: 'amazon',
      },
    ]);
    const vpc = await vpcOf(out.Vpc!.VpcId!);
    expect(vpc.Ipv6CidrBlockAssociationSet![0]).toMatchObject({ Ipv6CidrBlock: assoc[0].Ipv6CidrBlock, Ipv6CidrBlockState: { State: 'associated' } });
    expect(await localRoutes(vpc.VpcId!)).toEqual([['10.0.0.0/16', assoc[0].Ipv6CidrBlock]]);

    // the next VPC of the scope gets the next /56; another account gets another pool
    const next = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
    const first4 = (cidr: string) => {
      const [head] = cidr.split('::');
      const groups = head.split(':');
      return BigInt('0x' + [...groups, '0', '0', '0'].slice(0, 4).map((g) => g.padStart(4, '0')).join(''));
    };
    expect(first4(next.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!) - first4(assoc[0].Ipv6CidrBlock!)).toBe(0x100n);
    const other = t.client({ accessKeyId: '210987654321' });
    const theirs = (await other.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
    expect(theirs.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock).not.toBe(assoc[0].Ipv6CidrBlock);
  });

  it('omits the IPv6 set on a VPC without IPv6', async () => {
    const out = await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }));
    expect(out.Vpc!.Ipv6CidrBlockAssociationSet).toBeUndefined();
    expect((await vpcOf(out.Vpc!.VpcId!)).Ipv6CidrBlockAssociationSet).toBeUndefined();
  });

  it('refuses BYOIP pools, which ec2lite does not have', async () => {
    await expectEc2Error(t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16', Ipv6Pool: 'ipv6pool-ec2-0123456789abcdef0' })), {
      code: 'InvalidPublicIpv6PoolID.NotFound',
    });
  });
});

describe('AssociateVpcCidrBlock / DisassociateVpcCidrBlock', () => {
  it('adds secondary IPv4 blocks (local routes, subnets inside them) and removes them', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc!.VpcId!;
    const out = await t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, CidrBlock: '10.21.0.0/16' }));
    expect(out).toMatchObject({
      VpcId: vpcId,
      CidrBlockAssociation: { AssociationId: expect.stringMatching(/^vpc-cidr-assoc-/), CidrBlock: '10.21.0.0/16', CidrBlockState: { State: 'associating' } },
    });
    const assocId = out.CidrBlockAssociation!.AssociationId!;
    const vpc = await vpcOf(vpcId);
    expect(vpc.CidrBlock).toBe('10.20.0.0/16');
    expect(vpc.CidrBlockAssociationSet!.map((a) => [a.CidrBlock, a.CidrBlockState!.State])).toEqual([
      ['10.20.0.0/16', 'associated'],
      ['10.21.0.0/16', 'associated'],
    ]);
    // route tables made later get the block's local route too
    await t.ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
    expect(await localRoutes(vpcId)).toEqual([
      ['10.20.0.0/16', '10.21.0.0/16'],
      ['10.20.0.0/16', '10.21.0.0/16'],
    ]);
    const filtered = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr-block-association.cidr-block', Values: ['10.21.0.0/16'] }] }));
    expect(filtered.Vpcs!.map((v) => v.VpcId)).toEqual([vpcId]);

    const subnet = (await t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.21.1.0/24' }))).Subnet!;
    await expectEc2Error(t.ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: assocId })), {
      code: 'DependencyViolation',
      message: `The vpc CIDR block with association ID ${assocId} may not be disassociated. It is in use by one or more subnets.`,
    });
    await t.ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.SubnetId! }));
    const gone = await t.ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: assocId }));
    expect(gone).toMatchObject({ VpcId: vpcId, CidrBlockAssociation: { AssociationId: assocId, CidrBlock: '10.21.0.0/16', CidrBlockState: { State: 'disassociating' } } });
    expect((await vpcOf(vpcId)).CidrBlockAssociationSet!.map((a) => a.CidrBlock)).toEqual(['10.20.0.0/16']);
    expect(await localRoutes(vpcId)).toEqual([['10.20.0.0/16'], ['10.20.0.0/16']]);
    await expectEc2Error(t.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.21.1.0/24' })), { code: 'InvalidSubnet.Range' });
  });

  it('follows AWS restrictions by the primary range, sizes, overlap and the limit of five', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc!.VpcId!;
    const assoc = (cidr: string) => t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, CidrBlock: cidr }));
    for (const cidr of ['192.168.0.0/16', '172.16.0.0/16', '198.19.0.0/16']) {
      await expectEc2Error(assoc(cidr), {
        code: 'InvalidVpc.Range',
        message: `The CIDR '${cidr}' is restricted. Use a CIDR from the same private address range as the current VPC CIDR, or use a publicly-routable CIDR. For additional restrictions, see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html`,
      });
    }
    await expectEc2Error(assoc('10.31.0.0/15'), { code: 'InvalidVpc.Range', message: "The CIDR '10.31.0.0/15' is invalid." });
    await expectEc2Error(assoc('10.30.128.0/17'), { code: 'InvalidVpc.Range', message: /overlaps/ });
    await expectEc2Error(assoc('nope'), { code: 'InvalidParameterValue', message: 'Value (nope) for parameter cidrBlock is invalid. This is not a valid CIDR block.' });
    await assoc('100.64.0.0/16'); // shared address space: allowed beside any range
    await assoc('10.31.0.0/16');
    await assoc('203.0.113.0/24'); // publicly routable
    await assoc('10.32.0.0/16');
    await expectEc2Error(assoc('10.33.0.0/16'), { code: 'CidrLimitExceeded', message: `This network ${vpcId} has met its maximum number of allowed CIDRs: 5` });

    const v172 = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '172.20.0.0/16' }))).Vpc!.VpcId!;
    await t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: v172, CidrBlock: '172.21.0.0/16' }));
    await expectEc2Error(t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: v172, CidrBlock: '172.31.0.0/16' })), { code: 'InvalidVpc.Range', message: /restricted/ });
    const vPublic = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '100.64.0.0/16' }))).Vpc!.VpcId!;
    await expectEc2Error(t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vPublic, CidrBlock: '10.0.0.0/16' })), { code: 'InvalidVpc.Range', message: /restricted/ });
  });

  it('associates and disassociates one Amazon IPv6 block; the primary never goes', async () => {
    const vpc = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.40.0.0/16' }))).Vpc!;
    const out = await t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpc.VpcId!, AmazonProvidedIpv6CidrBlock: true }));
    expect(out.Ipv6CidrBlockAssociation).toMatchObject({ Ipv6CidrBlock: expect.stringMatching(/::\/56$/), Ipv6CidrBlockState: { State: 'associating' }, Ipv6Pool: 'Amazon' });
    await expectEc2Error(t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpc.VpcId!, AmazonProvidedIpv6CidrBlock: true })), {
      code: 'CidrLimitExceeded',
      message: `This network ${vpc.VpcId} has met its maximum number of allowed CIDRs: 1`,
    });
    const byBlock = await t.ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'ipv6-cidr-block-association.ipv6-cidr-block', Values: [out.Ipv6CidrBlockAssociation!.Ipv6CidrBlock!] }] }),
    );
    expect(byBlock.Vpcs!.map((v) => v.VpcId)).toEqual([vpc.VpcId]);
    const byState = await t.ec2.send(
      new DescribeVpcsCommand({
        VpcIds: [vpc.VpcId!],
        Filters: [
          { Name: 'ipv6-cidr-block-association.state', Values: ['associated'] },
          { Name: 'ipv6-cidr-block-association.ipv6-pool', Values: ['Amazon'] },
          { Name: 'ipv6-cidr-block-association.association-id', Values: [out.Ipv6CidrBlockAssociation!.AssociationId!] },
        ],
      }),
    );
    expect(byState.Vpcs).toHaveLength(1);

    const primary = vpc.CidrBlockAssociationSet![0].AssociationId!;
    await expectEc2Error(t.ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: primary })), {
      code: 'OperationNotPermitted',
      message: `The vpc CIDR block with association ID ${primary} may not be disassociated. It is the primary IPv4 CIDR block of the VPC`,
    });
    await expectEc2Error(t.ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: 'vpc-cidr-assoc-0123456789abcdef0' })), {
      code: 'InvalidVpcCidrBlockAssociationID.NotFound',
      message: "The vpc CIDR block association ID 'vpc-cidr-assoc-0123456789abcdef0' does not exist",
    });
    const gone = await t.ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: out.Ipv6CidrBlockAssociation!.AssociationId! }));
    expect(gone.Ipv6CidrBlockAssociation!.Ipv6CidrBlockState).toEqual({ State: 'disassociating' });
    expect((await vpcOf(vpc.VpcId!)).Ipv6CidrBlockAssociationSet).toBeUndefined();
    expect(await localRoutes(vpc.VpcId!)).toEqual([['10.40.0.0/16']]);
    // the freed /56 goes back to the pool: the next IPv6 VPC gets it
    const again = await t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpc.VpcId!, AmazonProvidedIpv6CidrBlock: true }));
    expect(again.Ipv6CidrBlockAssociation!.Ipv6CidrBlock).toBe(out.Ipv6CidrBlockAssociation!.Ipv6CidrBlock);
    await t.ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId! }));
  });

  it('checks the VPC and needs exactly one kind of block', async () => {
    await expectEc2Error(t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.0.0/16' })), {
      code: 'InvalidVpcID.NotFound',
    });
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16' }))).Vpc!.VpcId!;
    await expectEc2Error(t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId })), { code: 'MissingParameter' });
    await expectEc2Error(t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, CidrBlock: '10.51.0.0/16', AmazonProvidedIpv6CidrBlock: true })), {
      code: 'InvalidParameterCombination',
    });
  });
});

describe('the ::/0 egress rule of IPv6 VPCs', () => {
  const egressOf = async (groupId: string) =>
    (await t.ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }))).SecurityGroupRules!
      .filter((r) => r.IsEgress)
      .map((r) => r.CidrIpv4 ?? r.CidrIpv6);
  const defaultGroup = async (vpcId: string) =>
    (await t.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] })))
      .SecurityGroups![0];

  it('is on the default group of a VPC created with IPv6 and on new groups while the VPC has IPv6', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.60.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc!.VpcId!;
    const dflt = await defaultGroup(vpcId);
    expect(await egressOf(dflt.GroupId!)).toEqual(['0.0.0.0/0', '::/0']);
    expect(dflt.IpPermissionsEgress!.flatMap((p) => [...(p.IpRanges ?? []).map((r) => r.CidrIp), ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6)])).toEqual([
      '0.0.0.0/0',
      '::/0',
    ]);
    const custom = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'web', Description: 'web' }))).GroupId!;
    expect(await egressOf(custom)).toEqual(['0.0.0.0/0', '::/0']);
  });

  it('is not on groups of IPv4-only VPCs; a block associated later gives it to new groups only', async () => {
    const vpcId = (await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.61.0.0/16' }))).Vpc!.VpcId!;
    const before = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'a', Description: 'a' }))).GroupId!;
    expect(await egressOf(before)).toEqual(['0.0.0.0/0']);
    await t.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }));
    expect(await egressOf((await defaultGroup(vpcId)).GroupId!)).toEqual(['0.0.0.0/0']);
    expect(await egressOf(before)).toEqual(['0.0.0.0/0']);
    const after = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'b', Description: 'b' }))).GroupId!;
    expect(await egressOf(after)).toEqual(['0.0.0.0/0', '::/0']);
  });
});

describe('CreateDefaultVpc / CreateDefaultSubnet', () => {
  it('refuse while the default exists, and rebuild the same layout after it was deleted', async () => {
    const ec2 = t.client({ accessKeyId: '333344445555' });
    const original = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0];
    await expectEc2Error(ec2.send(new CreateDefaultVpcCommand({})), {
      code: 'DefaultVpcAlreadyExists',
      message: 'A Default VPC already exists for this account in this region.',
    });
    await expectEc2Error(ec2.send(new CreateDefaultSubnetCommand({ AvailabilityZone: 'us-east-1a' })), {
      code: 'DefaultSubnetAlreadyExistsInAvailabilityZone',
      message: 'A Default Subnet already exists in availability zone us-east-1a.',
    });

    // delete the default VPC the way a user must: subnets, gateway, then the VPC
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [original.VpcId!] }] }))).Subnets!;
    for (const s of subnets) await ec2.send(new DeleteSubnetCommand({ SubnetId: s.SubnetId! }));
    const igw = (await ec2.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [original.VpcId!] }] })))
      .InternetGateways![0].InternetGatewayId!;
    await ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: original.VpcId! }));
    await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw }));
    await ec2.send(new DeleteVpcCommand({ VpcId: original.VpcId! }));
    await expectEc2Error(ec2.send(new CreateDefaultSubnetCommand({ AvailabilityZone: 'us-east-1a' })), { code: 'DefaultVpcDoesNotExist' });

    await expectEc2Error(ec2.send(new CreateDefaultVpcCommand({ DryRun: true })), { code: 'DryRunOperation', status: 412 });
    const made = (await ec2.send(new CreateDefaultVpcCommand({}))).Vpc!;
    expect(made).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'pending' });
    const attrs = await ec2.send(new DescribeAccountAttributesCommand({ AttributeNames: ['default-vpc'] }));
    expect(attrs.AccountAttributes![0].AttributeValues).toEqual([{ AttributeValue: made.VpcId }]);
    const again = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [made.VpcId!] }] }))).Subnets!;
    expect(again.map((s) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true, true],
      ['us-east-1b', '172.31.16.0/20', true, true],
      ['us-east-1c', '172.31.32.0/20', true, true],
      ['us-east-1d', '172.31.48.0/20', true, true],
      ['us-east-1e', '172.31.64.0/20', true, true],
      ['us-east-1f', '172.31.80.0/20', true, true],
    ]);
    const routes = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [made.VpcId!] }] }))).RouteTables![0].Routes!;
    expect(routes.map((r) => [r.DestinationCidrBlock, r.GatewayId?.slice(0, 4), r.State])).toEqual([
      ['172.31.0.0/16', 'loca', 'active'],
      ['0.0.0.0/0', 'igw-', 'active'],
    ]);

    // one default subnet back: the zone's own /20
    await ec2.send(new DeleteSubnetCommand({ SubnetId: again[1].SubnetId! }));
    const back = (await ec2.send(new CreateDefaultSubnetCommand({ AvailabilityZone: 'us-east-1b' }))).Subnet!;
    expect(back).toMatchObject({ AvailabilityZone: 'us-east-1b', CidrBlock: '172.31.16.0/20', DefaultForAz: true, MapPublicIpOnLaunch: true });
    await expectEc2Error(ec2.send(new CreateDefaultSubnetCommand({ AvailabilityZone: 'us-east-1z' })), { code: 'InvalidParameterValue' });
  });

  it('makes an IPv6-only default subnet from the default VPC block', async () => {
    const ec2 = t.client({ accessKeyId: '444455556666' });
    const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0];
    const zoneA = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }, { Name: 'availability-zone', Values: ['us-east-1a'] }] })))
      .Subnets![0];
    await ec2.send(new DeleteSubnetCommand({ SubnetId: zoneA.SubnetId! }));
    await expectEc2Error(ec2.send(new CreateDefaultSubnetCommand({ AvailabilityZone: 'us-east-1a', Ipv6Native: true })), {
      code: 'InvalidParameterValue',
      message: `The VPC ${vpc.VpcId} does not have an IPv6 CIDR block associated with it.`,
    });
    const block = (await ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpc.VpcId!, AmazonProvidedIpv6CidrBlock: true }))).Ipv6CidrBlockAssociation!.Ipv6CidrBlock!;
    const out = (await ec2.send(new CreateDefaultSubnetCommand({ AvailabilityZone: 'us-east-1a', Ipv6Native: true }))).Subnet!;
    expect(out).toMatchObject({ Ipv6Native: true, DefaultForAz: true, AvailabilityZone: 'us-east-1a' });
    expect(out.CidrBlock).toBeUndefined();
    expect(out.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock).toBe(block.replace('/56', '/64'));
  });
});
