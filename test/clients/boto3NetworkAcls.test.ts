/** Wire check: botocore parses DescribeNetworkAcls (paginated), DescribeDhcpOptions and DescribeAddressesAttribute. */
import * as path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { awsEnv, describeWithTool, run } from './tools';

describeWithTool('boto3', 'boto3 reads network ACLs, DHCP options and EIP attributes', () => {
  let t: TestServer;
  let seen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestServer();
    const r = await run('python3', ['-B', path.join(__dirname, 'boto3NetworkAcls.py'), t.url], { env: awsEnv() });
    if (r.code !== 0) throw new Error(`boto3NetworkAcls.py exited ${r.code}:\n${r.stderr}`);
    seen = JSON.parse(r.stdout);
  });
  afterAll(() => t.close());

  it('DescribeNetworkAcls through the paginator: entries, associations, booleans and integers typed', () => {
    const mine = seen.acls.find((a: any) => a.NetworkAclId === seen.aclId);
    expect(seen.acls).toHaveLength(2);
    expect(mine).toEqual({
      NetworkAclId: seen.aclId,
      VpcId: expect.stringMatching(/^vpc-/),
      OwnerId: '123456789012',
      IsDefault: false,
      Tags: [],
      Associations: [{ NetworkAclAssociationId: seen.newAssoc, NetworkAclId: seen.aclId, SubnetId: seen.subnetId }],
      Entries: [
        { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
        { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '6', RuleAction: 'allow', RuleNumber: 100, PortRange: { From: 443, To: 443 } },
        { CidrBlock: '10.0.0.0/8', Egress: false, Protocol: '1', RuleAction: 'deny', RuleNumber: 110, IcmpTypeCode: { Type: 8, Code: -1 } },
        { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      ],
    });
    expect(seen.acls.find((a: any) => a.IsDefault).Associations).toEqual([]);
  });

  it('DescribeDhcpOptions and the VPC that uses the set', () => {
    expect(seen.dhcp).toEqual([
      {
        DhcpOptionsId: seen.vpcDhcp,
        OwnerId: '123456789012',
        Tags: [],
        DhcpConfigurations: [
          { Key: 'domain-name', Values: [{ Value: 'corp.example' }] },
          { Key: 'domain-name-servers', Values: [{ Value: '10.60.0.2' }] },
        ],
      },
    ]);
  });

  it('DescribeAddressesAttribute after ModifyAddressAttribute', () => {
    expect(seen.attrs).toEqual([{ AllocationId: seen.eip, PublicIp: expect.any(String), PtrRecord: 'mail.example.com.' }]);
  });
});
