/**
 * DescribeNetworkInterfaces through the SDK v3: every filter ec2lite models (src/filters/networkInterfaces.ts),
 * wildcards, AND/OR, ids ANDed with filters, unknown filter, unknown ids (one and several), malformed ids,
 * pagination with MaxResults / NextToken, MaxResults with ids, DryRun.
 */
import {
  AttachNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeNetworkInterfacesCommandInput,
  Filter,
  ModifyNetworkInterfaceAttributeCommand,
  NetworkInterface,
  paginateDescribeNetworkInterfaces,
} from '@aws-sdk/client-ec2';
import { createEni, DRY_RUN, eniIds, launchRunning, MISSING } from '../helpers/api';
import { createNetwork, describeInterface, TestNetwork } from '../helpers/network';
import { expectEc2Error, startTestServer, TestServer } from '../helpers/server';

let t: TestServer;
let net: TestNetwork;
/** P: primary of instance X (subnet A1, public IP, DOT); Y: attached to X at 1 (A2, tags, group web, 1 secondary); Z: available (zone b, efa, no source/dest check). */
let P: NetworkInterface;
let Y: NetworkInterface;
let Z: NetworkInterface;
let instanceId: string;
let webGroup: string;

const describeNis = (input: DescribeNetworkInterfacesCommandInput) => t.ec2.send(new DescribeNetworkInterfacesCommand(input));

beforeAll(async () => {
  t = await startTestServer();
  net = await createNetwork(t.ec2);
  webGroup = (await t.ec2.send(new CreateSecurityGroupCommand({ VpcId: net.vpcId, GroupName: 'web', Description: 'web' }))).GroupId!;
  const x = await launchRunning(t, net, {
    InstanceType: 'm5.large',
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1, AssociatePublicIpAddress: true }],
  });
  instanceId = x.InstanceId!;
  const y = await createEni(t.ec2, net.subnetA2, {
    Description: 'data nic',
    Groups: [webGroup],
    SecondaryPrivateIpAddressCount: 1,
    TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'role', Value: 'data' }] }],
  });
  t.advance(1000);
  await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: y.NetworkInterfaceId, InstanceId: instanceId, DeviceIndex: 1 }));
  const z = await createEni(t.ec2, net.subnetB, { InterfaceType: 'efa' });
  await t.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: z.NetworkInterfaceId, SourceDestCheck: { Value: false } }));
  await t.ec2.send(new CreateTagsCommand({ Resources: [z.NetworkInterfaceId!], Tags: [{ Key: 'role', Value: 'spare' }] }));
  P = await describeInterface(t.ec2, x.NetworkInterfaces![0].NetworkInterfaceId!);
  Y = await describeInterface(t.ec2, y.NetworkInterfaceId!);
  Z = await describeInterface(t.ec2, z.NetworkInterfaceId!);
  expect(P.Association?.PublicIp).toMatch(/^198\.1[89]\./);
  expect(Y.Attachment?.Status).toBe('attached');
});
afterAll(() => t.close());

/** Ids matching the filters, restricted to the fixture VPC. */
async function matching(...filters: Filter[]): Promise<string[]> {
  const scoped = filters.some((f) => f.Name === 'vpc-id') ? filters : [...filters, { Name: 'vpc-id', Values: [net.vpcId] }];
  return eniIds((await describeNis({ Filters: scoped })).NetworkInterfaces);
}
const ids = (...nis: NetworkInterface[]) => nis.map((n) => n.NetworkInterfaceId!).sort();
const f = (Name: string, ...Values: string[]): Filter => ({ Name, Values });

describe('behaviour: filters', () => {
  it('without filters lists every interface of the scope', async () => {
    const all = await describeNis({});
    expect(eniIds(all.NetworkInterfaces)).toEqual(expect.arrayContaining(ids(P, Y, Z)));
    expect(all.NextToken).toBeUndefined();
  });

  const cases: Array<[string, () => Filter, () => NetworkInterface[]]> = [
    ['addresses.association.owner-id', () => f('addresses.association.owner-id', 'amazon'), () => [P]],
    ['addresses.association.public-ip', () => f('addresses.association.public-ip', P.Association!.PublicIp!), () => [P]],
    ['addresses.primary=false', () => f('addresses.primary', 'false'), () => [Y]],
    ['addresses.primary=true', () => f('addresses.primary', 'true'), () => [P, Y, Z]],
    ['addresses.private-ip-address (a secondary)', () => f('addresses.private-ip-address', Y.PrivateIpAddresses![1].PrivateIpAddress!), () => [Y]],
    ['association.allocation-id (no Elastic IP)', () => f('association.allocation-id', 'eipalloc-0123456789abcdef0'), () => []],
    ['association.association-id (no Elastic IP)', () => f('association.association-id', 'eipassoc-0123456789abcdef0'), () => []],
    ['association.ip-owner-id', () => f('association.ip-owner-id', 'amazon'), () => [P]],
    ['association.public-ip', () => f('association.public-ip', P.Association!.PublicIp!), () => [P]],
    ['attachment.attach-time', () => f('attachment.attach-time', Y.Attachment!.AttachTime!.toISOString()), () => [Y]],
    ['attachment.attachment-id', () => f('attachment.attachment-id', Y.Attachment!.AttachmentId!), () => [Y]],
    ['attachment.delete-on-termination=true', () => f('attachment.delete-on-termination', 'true'), () => [P]],
    ['attachment.delete-on-termination=false', () => f('attachment.delete-on-termination', 'false'), () => [Y]],
    ['attachment.device-index=1', () => f('attachment.device-index', '1'), () => [Y]],
    ['attachment.device-index=0', () => f('attachment.device-index', '0'), () => [P]],
    ['attachment.instance-id', () => f('attachment.instance-id', instanceId), () => [P, Y]],
    ['attachment.instance-owner-id', () => f('attachment.instance-owner-id', '123456789012'), () => [P, Y]],
    ['attachment.network-card-index', () => f('attachment.network-card-index', '0'), () => [P, Y]],
    ['attachment.status=attached', () => f('attachment.status', 'attached'), () => [P, Y]],
    ['attachment.status=attaching', () => f('attachment.status', 'attaching'), () => []],
    ['availability-zone', () => f('availability-zone', 'us-east-1b'), () => [Z]],
    ['availability-zone-id', () => f('availability-zone-id', 'use1-az2'), () => [Z]],
    ['description', () => f('description', 'data nic'), () => [Y]],
    ['description with *', () => f('description', 'data*'), () => [Y]],
    ['description with ?', () => f('description', 'dat? nic'), () => [Y]],
    ['description is case-sensitive', () => f('description', 'Data nic'), () => []],
    ['group-id', () => f('group-id', webGroup), () => [Y]],
    ['group-name', () => f('group-name', 'default'), () => [P, Z]],
    ['ipv6-addresses.ipv6-address (no IPv6)', () => f('ipv6-addresses.ipv6-address', '*'), () => []],
    ['interface-type=efa', () => f('interface-type', 'efa'), () => [Z]],
    ['interface-type=interface', () => f('interface-type', 'interface'), () => [P, Y]],
    ['mac-address', () => f('mac-address', Y.MacAddress!), () => [Y]],
    ['network-interface-id', () => f('network-interface-id', Z.NetworkInterfaceId!), () => [Z]],
    ['operator.managed', () => f('operator.managed', 'false'), () => [P, Y, Z]],
    ['owner-id', () => f('owner-id', '123456789012'), () => [P, Y, Z]],
    ['private-dns-name', () => f('private-dns-name', Y.PrivateDnsName!), () => [Y]],
    ['private-ip-address (primary)', () => f('private-ip-address', Z.PrivateIpAddress!), () => [Z]],
    ['private-ip-address (any of its addresses)', () => f('private-ip-address', Y.PrivateIpAddresses![1].PrivateIpAddress!), () => [Y]],
    ['private-ip-address with a wildcard', () => f('private-ip-address', '10.0.2.*'), () => [Y]],
    ['requester-id (none)', () => f('requester-id', '*'), () => []],
    ['requester-managed', () => f('requester-managed', 'false'), () => [P, Y, Z]],
    ['source-dest-check', () => f('source-dest-check', 'false'), () => [Z]],
    ['status=available', () => f('status', 'available'), () => [Z]],
    ['status=in-use', () => f('status', 'in-use'), () => [P, Y]],
    ['subnet-id', () => f('subnet-id', net.subnetB), () => [Z]],
    ['vpc-id', () => f('vpc-id', net.vpcId), () => [P, Y, Z]],
    ['tag:<key>', () => f('tag:role', 'data'), () => [Y]],
    ['tag:<key> with a wildcard', () => f('tag:role', 'sp*'), () => [Z]],
    ['tag-key', () => f('tag-key', 'role'), () => [Y, Z]],
    ['tag-value', () => f('tag-value', 'spare'), () => [Z]],
  ];
  it.each(cases)('%s', async (_name, filter, expected) => {
    expect(await matching(filter())).toEqual(ids(...expected()));
  });

  it('association.public-dns-name matches the public DNS name the interface shows', async () => {
    expect(P.Association!.PublicDnsName).toMatch(/^ec2-198-1[89]-\d+-\d+\.compute-1\.amazonaws\.com$/);
    expect(await matching(f('association.public-dns-name', P.Association!.PublicDnsName!))).toEqual(ids(P));
  });

  it('values of one filter OR, different filters AND, ids AND filters', async () => {
    expect(await matching(f('subnet-id', net.subnetA2, net.subnetB))).toEqual(ids(Y, Z));
    expect(await matching(f('subnet-id', net.subnetA2, net.subnetB), f('status', 'available'))).toEqual(ids(Z));
    const out = await describeNis({ NetworkInterfaceIds: [P.NetworkInterfaceId!, Z.NetworkInterfaceId!], Filters: [f('status', 'in-use')] });
    expect(eniIds(out.NetworkInterfaces)).toEqual(ids(P));
  });

  it('a filter with a backslash-escaped wildcard matches it literally', async () => {
    expect(await matching(f('description', 'data\\*'))).toEqual([]);
  });

  it('describes an interface with every field an SDK reads', async () => {
    const [seen] = (await describeNis({ NetworkInterfaceIds: [Y.NetworkInterfaceId!] })).NetworkInterfaces!;
    expect(seen).toMatchObject({
      NetworkInterfaceId: Y.NetworkInterfaceId,
      SubnetId: net.subnetA2,
      VpcId: net.vpcId,
      AvailabilityZone: 'us-east-1a',
      Description: 'data nic',
      Groups: [{ GroupId: webGroup, GroupName: 'web' }],
      InterfaceType: 'interface',
      OwnerId: '123456789012',
      RequesterManaged: false,
      SourceDestCheck: true,
      Status: 'in-use',
      TagSet: [{ Key: 'role', Value: 'data' }],
      Attachment: { InstanceId: instanceId, InstanceOwnerId: '123456789012', DeviceIndex: 1, NetworkCardIndex: 0, Status: 'attached', DeleteOnTermination: false },
    });
    expect(seen.PrivateIpAddresses!.map((p) => p.Primary)).toEqual([true, false]);
  });
});

describe('errors', () => {
  it('an unknown filter name', async () => {
    await expectEc2Error(describeNis({ Filters: [f('colour', 'blue')] }), { code: 'InvalidParameterValue', message: "The filter 'colour' is invalid" });
  });

  it('one unknown id, several unknown ids (only the unknown ones are named)', async () => {
    await expectEc2Error(describeNis({ NetworkInterfaceIds: [MISSING.eni] }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
    const other = 'eni-0fedcba9876543210';
    await expectEc2Error(describeNis({ NetworkInterfaceIds: [MISSING.eni, P.NetworkInterfaceId!, other] }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface IDs '${MISSING.eni}, ${other}' do not exist`,
    });
  });

  it('a malformed id', async () => {
    await expectEc2Error(describeNis({ NetworkInterfaceIds: ['eni-nothex'] }), {
      code: 'InvalidNetworkInterfaceId.Malformed',
      message: 'Invalid id: "eni-nothex" (expecting "eni-...")',
    });
  });

  it('MaxResults together with ids', async () => {
    await expectEc2Error(describeNis({ NetworkInterfaceIds: [P.NetworkInterfaceId!], MaxResults: 5 }), {
      code: 'InvalidParameterCombination',
      message: 'The parameter networkInterfaceIdSet cannot be used with the parameter maxResults',
    });
  });

  it('MaxResults outside 5..1000', async () => {
    await expectEc2Error(describeNis({ MaxResults: 4 }), {
      code: 'InvalidParameterValue',
      message: /^Value \( 4 \) for parameter maxResults is invalid\. Expecting a value greater than 5\.$/i,
    });
    await expectEc2Error(describeNis({ MaxResults: 1001 }), {
      code: 'InvalidParameterValue',
      message: /^Value \( 1001 \) for parameter maxResults is invalid\. Expecting a value less than 1000\.$/i,
    });
  });

  it('a NextToken that was never issued', async () => {
    await expectEc2Error(describeNis({ MaxResults: 5, NextToken: 'garbage' }), {
      code: 'InvalidParameterValue',
      message: 'Value ( garbage ) for parameter NextToken is invalid. The token is invalid.',
    });
  });
});

describe('behaviour: pagination', () => {
  let pageNet: TestNetwork;
  let created: string[];
  beforeAll(async () => {
    pageNet = await createNetwork(t.ec2, '10.5.0.0/16');
    created = [];
    for (let k = 0; k < 12; k++) {
      created.push((await createEni(t.ec2, k % 2 ? pageNet.subnetA1 : pageNet.subnetA2, { Description: `n${k}` })).NetworkInterfaceId!);
    }
  });

  async function allPages(input: DescribeNetworkInterfacesCommandInput): Promise<{ pages: string[][]; tokens: Array<string | undefined> }> {
    const pages: string[][] = [];
    const tokens: Array<string | undefined> = [];
    let token: string | undefined;
    do {
      const out = await describeNis({ ...input, NextToken: token });
      pages.push(out.NetworkInterfaces!.map((n) => n.NetworkInterfaceId!));
      token = out.NextToken;
      tokens.push(token);
    } while (token && pages.length < 20);
    return { pages, tokens };
  }

  it('MaxResults pages through every interface once, in creation order; the last page has no token', async () => {
    const { pages, tokens } = await allPages({ MaxResults: 5, Filters: [f('vpc-id', pageNet.vpcId)] });
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(pages.flat()).toEqual(created);
    expect(tokens[2]).toBeUndefined();
    expect(typeof tokens[0]).toBe('string');
  });

  it('an exact page boundary gives no token on the last page', async () => {
    const { pages, tokens } = await allPages({ MaxResults: 6, Filters: [f('vpc-id', pageNet.vpcId)] });
    expect(pages.map((p) => p.length)).toEqual([6, 6]);
    expect(tokens).toEqual([expect.any(String), undefined]);
  });

  it('pages over a filter evaluated outside SQL (wildcard) count only matches', async () => {
    // n0..n11 where the digit after n is odd-indexed in subnet A1: descriptions n1, n3, n5, n7, n9, n11
    const { pages } = await allPages({ MaxResults: 5, Filters: [f('vpc-id', pageNet.vpcId), f('subnet-id', pageNet.subnetA1), f('description', 'n*')] });
    expect(pages.map((p) => p.length)).toEqual([5, 1]);
    expect(pages.flat()).toEqual(created.filter((_, k) => k % 2 === 1));
  });

  it('a token is tied to its query: replaying it with other filters is refused', async () => {
    const first = await describeNis({ MaxResults: 5, Filters: [f('vpc-id', pageNet.vpcId)] });
    await expectEc2Error(describeNis({ MaxResults: 5, NextToken: first.NextToken, Filters: [f('vpc-id', net.vpcId)] }), {
      code: 'InvalidParameterValue',
      message: `Value ( ${first.NextToken} ) for parameter NextToken is invalid. The token is invalid.`,
    });
  });

  it('the SDK paginator collects everything', async () => {
    const seen: string[] = [];
    for await (const page of paginateDescribeNetworkInterfaces({ client: t.ec2, pageSize: 5 }, { Filters: [f('vpc-id', pageNet.vpcId)] })) {
      seen.push(...page.NetworkInterfaces!.map((n) => n.NetworkInterfaceId!));
    }
    expect(seen).toEqual(created);
  });
});

describe('DryRun', () => {
  it('answers 412 DryRunOperation', async () => {
    await expectEc2Error(describeNis({ DryRun: true }), DRY_RUN);
  });
  it('reports an error the call would have', async () => {
    await expectEc2Error(describeNis({ DryRun: true, NetworkInterfaceIds: [MISSING.eni] }), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: `The networkInterface ID '${MISSING.eni}' does not exist`,
    });
  });
});
