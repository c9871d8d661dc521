/** Network ACLs: the default ACL of every VPC, entries, associations, Describe filters and paging, AWS's errors. */
import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteNetworkAclCommand,
  DeleteNetworkAclEntryCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeNetworkAclsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type NetworkAcl,
  ReplaceNetworkAclAssociationCommand,
  ReplaceNetworkAclEntryCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, rawQuery, TestServer } from '../helpers/server';
import { useTestServer } from '../helpers/env';
import type { TestNetwork } from '../helpers/network';

let t: TestServer;
let net: TestNetwork;
useTestServer({ network: 'each' }, (env) => ({ t, net } = env));

const DEFAULT_ENTRIES = [
  { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
  { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
  { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
  { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
];

const aclsOf = async (vpcId: string, ...extra: Array<{ Name: string; Values: string[] }>): Promise<NetworkAcl[]> =>
  (await t.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, ...extra] }))).NetworkAcls!;
const defaultAcl = async (vpcId = net.vpcId) => (await aclsOf(vpcId, { Name: 'default', Values: ['true'] }))[0];
const newAcl = async () => (await t.ec2.send(new CreateNetworkAclCommand({ VpcId: net.vpcId }))).NetworkAcl!;
const entry = (NetworkAclId: string, over: Record<string, unknown> = {}) => ({
  NetworkAclId, RuleNumber: 110, Protocol: '6', RuleAction: 'allow' as const, Egress: false, CidrBlock: '10.1.0.0/16', PortRange: { From: 22, To: 22 }, ...over,
});

describe('the default network ACL', () => {
  it('every VPC has one, with AWS default entries, associated with every subnet', async () => {
    const acl = await defaultAcl();
    expect(acl).toMatchObject({ IsDefault: true, VpcId: net.vpcId, OwnerId: '123456789012', Tags: [], Entries: DEFAULT_ENTRIES });
    expect(acl.NetworkAclId).toMatch(/^acl-[0-9a-f]{17}$/);
    expect(acl.Associations!.map((a) => a.SubnetId).sort()).toEqual([net.subnetA1, net.subnetA2, net.subnetB].sort());
    for (const a of acl.Associations!) expect(a).toMatchObject({ NetworkAclId: acl.NetworkAclId, NetworkAclAssociationId: expect.stringMatching(/^aclassoc-[0-9a-f]{17}$/) });
  });

  it('the default VPC has its own, covering its default subnets', async () => {
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    const acl = await defaultAcl(Vpcs![0].VpcId);
    expect(acl.Entries).toEqual(DEFAULT_ENTRIES);
    const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
    expect(acl.Associations!.map((a) => a.SubnetId).sort()).toEqual(Subnets!.map((s) => s.SubnetId).sort());
  });

  it('cannot be deleted, and goes with its VPC', async () => {
    const { Vpc } = await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
    const acl = await defaultAcl(Vpc!.VpcId);
    await expectEc2Error(t.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: acl.NetworkAclId })), {
      code: 'InvalidParameterValue',
      message: `cannot delete default network ACL ${acl.NetworkAclId}`,
    });
    await t.ec2.send(new DeleteVpcCommand({ VpcId: Vpc!.VpcId }));
    await expectEc2Error(t.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl.NetworkAclId!] })), {
      code: 'InvalidNetworkAclID.NotFound',
      message: `The networkAcl ID '${acl.NetworkAclId}' does not exist`,
    });
  });

  it('a new subnet joins the default ACL; a deleted one leaves it', async () => {
    const { Subnet } = await t.ec2.send(new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '10.0.9.0/24' }));
    expect((await defaultAcl()).Associations!.map((a) => a.SubnetId)).toContain(Subnet!.SubnetId);
    await t.ec2.send(new DeleteSubnetCommand({ SubnetId: Subnet!.SubnetId }));
    expect((await defaultAcl()).Associations!.map((a) => a.SubnetId)).not.toContain(Subnet!.SubnetId);
  });
});

describe('CreateNetworkAcl / DeleteNetworkAcl', () => {
  it('a new ACL has only the catch-all deny rules, tags, no associations', async () => {
    const { NetworkAcl: acl } = await t.ec2.send(
      new CreateNetworkAclCommand({ VpcId: net.vpcId, TagSpecifications: [{ ResourceType: 'network-acl', Tags: [{ Key: 'Name', Value: 'web' }] }] }),
    );
    expect(acl).toMatchObject({
      IsDefault: false,
      VpcId: net.vpcId,
      Associations: [],
      Tags: [{ Key: 'Name', Value: 'web' }],
      Entries: [DEFAULT_ENTRIES[1], DEFAULT_ENTRIES[3]],
    });
    expect((await aclsOf(net.vpcId, { Name: 'tag:Name', Values: ['web'] })).map((a) => a.NetworkAclId)).toEqual([acl!.NetworkAclId]);
  });

  it('unknown VPC, unknown and malformed ACL ids', async () => {
    await expectEc2Error(t.ec2.send(new CreateNetworkAclCommand({ VpcId: 'vpc-12345678' })), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-12345678' does not exist",
    });
    await expectEc2Error(t.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: 'acl-12345678' })), {
      code: 'InvalidNetworkAclID.NotFound',
      message: "The networkAcl ID 'acl-12345678' does not exist",
    });
    await expectEc2Error(t.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: 'nacl-1' })), {
      code: 'InvalidNetworkAclId.Malformed',
      message: 'Invalid id: "nacl-1" (expecting "acl-...")',
    });
  });

  it('refuses while a subnet is associated, then deletes; DeleteVpc waits for non-default ACLs', async () => {
    const acl = await newAcl();
    const assoc = (await defaultAcl()).Associations!.find((a) => a.SubnetId === net.subnetA1)!;
    const { NewAssociationId } = await t.ec2.send(
      new ReplaceNetworkAclAssociationCommand({ AssociationId: assoc.NetworkAclAssociationId, NetworkAclId: acl.NetworkAclId }),
    );
    expect(NewAssociationId).toMatch(/^aclassoc-/);
    expect(NewAssociationId).not.toBe(assoc.NetworkAclAssociationId);
    await expectEc2Error(t.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: acl.NetworkAclId })), {
      code: 'DependencyViolation',
      message: `The networkAcl '${acl.NetworkAclId}' has dependencies and cannot be deleted.`,
    });
    for (const s of [net.subnetA1, net.subnetA2, net.subnetB]) await t.ec2.send(new DeleteSubnetCommand({ SubnetId: s }));
    await expectEc2Error(t.ec2.send(new DeleteVpcCommand({ VpcId: net.vpcId })), {
      code: 'DependencyViolation',
      message: `The vpc '${net.vpcId}' has dependencies and cannot be deleted.`,
    });
    await t.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: acl.NetworkAclId }));
    await t.ec2.send(new DeleteVpcCommand({ VpcId: net.vpcId }));
  });

  it('DryRun validates and changes nothing', async () => {
    await expectEc2Error(t.ec2.send(new CreateNetworkAclCommand({ VpcId: net.vpcId, DryRun: true })), {
      code: 'DryRunOperation',
      message: 'Request would have succeeded, but DryRun flag is set.',
      status: 412,
    });
    expect(await aclsOf(net.vpcId)).toHaveLength(1);
  });
});

describe('entries', () => {
  it('creates TCP, UDP, ICMP and all-protocol rules; names become numbers; listed egress first by number', async () => {
    const acl = await newAcl();
    const id = acl.NetworkAclId!;
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: 'tcp', RuleNumber: 120, PortRange: { From: 80, To: 443 } })));
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: '17', RuleNumber: 110, PortRange: { From: 53, To: 53 } })));
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: 'icmp', RuleNumber: 130, PortRange: undefined, IcmpTypeCode: { Type: 8, Code: -1 } })));
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: '-1', RuleNumber: 100, Egress: true, RuleAction: 'deny', PortRange: undefined })));
    const [got] = (await t.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [id] }))).NetworkAcls!;
    expect(got.Entries).toEqual([
      { CidrBlock: '10.1.0.0/16', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 100 },
      DEFAULT_ENTRIES[1],
      { CidrBlock: '10.1.0.0/16', Egress: false, Protocol: '17', RuleAction: 'allow', RuleNumber: 110, PortRange: { From: 53, To: 53 } },
      { CidrBlock: '10.1.0.0/16', Egress: false, Protocol: '6', RuleAction: 'allow', RuleNumber: 120, PortRange: { From: 80, To: 443 } },
      { CidrBlock: '10.1.0.0/16', Egress: false, Protocol: '1', RuleAction: 'allow', RuleNumber: 130, IcmpTypeCode: { Type: 8, Code: -1 } },
      DEFAULT_ENTRIES[3],
    ]);
  });

  it('the same number is free once per direction; a duplicate is NetworkAclEntryAlreadyExists', async () => {
    const { NetworkAclId } = await newAcl();
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(NetworkAclId!)));
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(NetworkAclId!, { Egress: true })));
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(NetworkAclId!))), {
      code: 'NetworkAclEntryAlreadyExists',
      message: 'The network acl entry identified by 110 already exists.',
    });
  });

  it('validates rule numbers, protocols, ports, ICMP type and code, and the CIDR', async () => {
    const { NetworkAclId } = await newAcl();
    const id = NetworkAclId!;
    for (const n of [0, 32767, 40000]) {
      await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { RuleNumber: n }))), {
        code: 'InvalidParameterValue',
        message: `Value (${n}) for parameter ruleNumber is invalid. Rulenumber must be in range 1..32766`,
      });
    }
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: 'gre' }))), { code: 'InvalidParameterValue', message: "Invalid value 'gre' for IP protocol. Unknown protocol." });
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: '300' }))), { code: 'InvalidParameterValue', message: "Invalid value '300' for IP protocol. Unknown protocol." });
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { PortRange: undefined }))), {
      code: 'MissingParameter',
      message: 'The request must contain the parameter portRange',
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { PortRange: { From: 1, To: 70000 } }))), {
      code: 'InvalidParameterValue',
      message: 'Value (70000) for parameter portRange.to is invalid.',
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: '1', PortRange: undefined }))), {
      code: 'MissingParameter',
      message: 'The request must contain the parameter icmpTypeCode',
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: '1', IcmpTypeCode: { Type: 8, Code: 256 } }))), {
      code: 'InvalidParameterValue',
      message: 'ICMP code (256) out of range',
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { CidrBlock: undefined }))), {
      code: 'MissingParameter',
      message: "Either 'cidrBlock' or 'ipv6CidrBlock' should be provided.",
    });
    await expectEc2Error(t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { CidrBlock: '10.1.0.0/33' }))), {
      code: 'InvalidParameterValue',
      message: 'Value (10.1.0.0/33) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
    });
    // an all-protocol rule ignores ports, as on AWS
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(id, { Protocol: '-1', RuleNumber: 5 })));
    const [acl] = (await t.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [id] }))).NetworkAcls!;
    expect(acl.Entries!.find((e) => e.RuleNumber === 5)).toEqual({ CidrBlock: '10.1.0.0/16', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 5 });
  });

  it('IPv6 entries keep their block', async () => {
    const { NetworkAclId } = await newAcl();
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(NetworkAclId!, { CidrBlock: undefined, Ipv6CidrBlock: '::/0', RuleNumber: 101 })));
    const [acl] = (await t.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [NetworkAclId!] }))).NetworkAcls!;
    expect(acl.Entries!.find((e) => e.RuleNumber === 101)).toMatchObject({ Ipv6CidrBlock: '::/0', Protocol: '6' });
    expect(acl.Entries!.find((e) => e.RuleNumber === 101)!.CidrBlock).toBeUndefined();
  });

  it('ReplaceNetworkAclEntry rewrites in place; DeleteNetworkAclEntry removes; missing entries are InvalidNetworkAclEntry.NotFound', async () => {
    const acl = await defaultAcl();
    const id = acl.NetworkAclId!;
    await t.ec2.send(new ReplaceNetworkAclEntryCommand(entry(id, { RuleNumber: 100, RuleAction: 'deny', Protocol: '-1', PortRange: undefined, CidrBlock: '0.0.0.0/0' })));
    await expectEc2Error(t.ec2.send(new ReplaceNetworkAclEntryCommand(entry(id, { RuleNumber: 120 }))), {
      code: 'InvalidNetworkAclEntry.NotFound',
      message: 'no ingress entry with number 120',
    });
    await t.ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 100, Egress: true }));
    await expectEc2Error(t.ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 100, Egress: true })), {
      code: 'InvalidNetworkAclEntry.NotFound',
      message: 'no egress entry with number 100',
    });
    await expectEc2Error(t.ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 32767, Egress: true })), {
      code: 'InvalidParameterValue',
      message: 'Value (32767) for parameter ruleNumber is invalid. Rulenumber must be in range 1..32766',
    });
    expect((await defaultAcl()).Entries).toEqual([
      DEFAULT_ENTRIES[1],
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 100 },
      DEFAULT_ENTRIES[3],
    ]);
  });
});

describe('ReplaceNetworkAclAssociation', () => {
  it('unknown association, and an ACL of another VPC', async () => {
    const acl = await newAcl();
    await expectEc2Error(t.ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: 'aclassoc-12345678', NetworkAclId: acl.NetworkAclId })), {
      code: 'InvalidAssociationID.NotFound',
      message: "The association ID 'aclassoc-12345678' does not exist",
    });
    const { Vpc } = await t.ec2.send(new CreateVpcCommand({ CidrBlock: '10.8.0.0/16' }));
    const other = await defaultAcl(Vpc!.VpcId);
    const assoc = (await defaultAcl()).Associations![0];
    await expectEc2Error(t.ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: assoc.NetworkAclAssociationId, NetworkAclId: other.NetworkAclId })), {
      code: 'InvalidParameterValue',
      message: `network ACL ${other.NetworkAclId} and subnet ${assoc.SubnetId} belong to different networks`,
    });
  });
});

describe('DescribeNetworkAcls', () => {
  it('filters by association, entry and default, and pages', async () => {
    const acl = await newAcl();
    const assoc = (await defaultAcl()).Associations!.find((a) => a.SubnetId === net.subnetB)!;
    await t.ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: assoc.NetworkAclAssociationId, NetworkAclId: acl.NetworkAclId }));
    await t.ec2.send(new CreateNetworkAclEntryCommand(entry(acl.NetworkAclId!, { RuleNumber: 200, CidrBlock: '192.168.0.0/24' })));
    const ids = async (...f: Array<{ Name: string; Values: string[] }>) => (await aclsOf(net.vpcId, ...f)).map((a) => a.NetworkAclId);
    expect(await ids({ Name: 'association.subnet-id', Values: [net.subnetB] })).toEqual([acl.NetworkAclId]);
    expect(await ids({ Name: 'default', Values: ['false'] })).toEqual([acl.NetworkAclId]);
    expect(await ids({ Name: 'entry.cidr', Values: ['192.168.0.*'] })).toEqual([acl.NetworkAclId]);
    expect(await ids({ Name: 'entry.rule-number', Values: ['200'] }, { Name: 'entry.port-range.from', Values: ['22'] })).toEqual([acl.NetworkAclId]);
    // each entry.* filter matches any entry of the ACL: the new one has an ingress allow and an egress (deny) rule
    expect(await ids({ Name: 'entry.rule-action', Values: ['allow'] }, { Name: 'entry.egress', Values: ['true'] })).toHaveLength(2);
    expect(await ids({ Name: 'entry.rule-action', Values: ['allow'] }, { Name: 'entry.egress', Values: ['false'] }, { Name: 'entry.protocol', Values: ['6'] })).toEqual([acl.NetworkAclId]);
    expect(await ids({ Name: 'network-acl-id', Values: [acl.NetworkAclId!] }, { Name: 'owner-id', Values: ['123456789012'] })).toEqual([acl.NetworkAclId]);

    const first = await t.ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 5 }));
    expect(first.NetworkAcls).toHaveLength(5); // the default VPC's, this VPC's two, and those of earlier tests
    expect(first.NextToken).toBeDefined();
    const rest = await t.ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 5, NextToken: first.NextToken }));
    const all = (await t.ec2.send(new DescribeNetworkAclsCommand({}))).NetworkAcls!;
    expect([...first.NetworkAcls!, ...rest.NetworkAcls!].map((a) => a.NetworkAclId)).toEqual(all.slice(0, 5 + rest.NetworkAcls!.length).map((a) => a.NetworkAclId));
  });

  it('every documented filter name is accepted (raw query); unknown ids are named', async () => {
    const r = await rawQuery(t.url, { Action: 'DescribeNetworkAcls', Version: '2016-11-15', 'Filter.1.Name': 'entry.icmp.type', 'Filter.1.Value.1': '8' });
    expect(r.status).toBe(200);
    await expectEc2Error(t.ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: ['acl-12345678', 'acl-87654321'] })), {
      code: 'InvalidNetworkAclID.NotFound',
      message: "The networkAcl IDs 'acl-12345678, acl-87654321' do not exist",
    });
  });
});
