/**
 * The network broadcast document (docs/behavior.md "Broadcast document"): a golden document for a fixed scenario
 * (3 instances, 5 ENIs, 2 VPCs, an internet gateway, routes to ENIs), parsed back with xml2js and checked field by
 * field against what the API describes; element order and empty wrappers; the "active" filtering; the version.
 */
import {
  AssociateDhcpOptionsCommand,
  CreateDhcpOptionsCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  Instance,
  ReplaceNetworkAclAssociationCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { AMI, createNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';
import { expectGolden, fetchBroadcast, items, parse, text, values, X } from './helpers';
import { buildScenario, Scenario } from './scenario';

describe('golden document of the fixed scenario', () => {
  let t: TestServer;
  let s: Scenario;
  let xml: string;
  let doc: X;

  beforeAll(async () => {
    t = await startTestServer({ seed: 20261125 });
    s = await buildScenario(t);
    const got = await fetchBroadcast(t.url, '?fresh=true');
    expect(got.status).toBe(200);
    xml = got.xml;
    doc = (await parse(xml))['network-data'];
  });
  afterAll(() => t.close());

  it('is byte-identical to the golden file', () => {
    expectGolden('scenario.xml', xml);
  });

  it('has the declaration, the version attribute and the top-level elements in the fixed order', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<network-data version="')).toBe(true);
    expect(doc.$.version).toMatch(/^[0-9a-f]{8}$/);
    expect(Object.keys(doc)).toEqual(['$', 'configuration', 'vpcs', 'instances', 'dhcpOptionSets', 'internetGateways', 'securityGroups']);
    // empty lists still print their wrapper
    expect(xml).toContain('<natGateways/>');
  });

  it('describes the simulated cluster: one per zone, the nodes and the instances on them', () => {
    const props = doc.configuration[0].property as X[];
    expect(props.map((p) => p.$.name)).toEqual(['mode', 'publicIps', 'enabledCLCIp', 'instanceDNSDomain', 'instanceDNSServers', 'mido', 'clusters']);
    expect(props[0].value).toEqual(['VPCMIDO']);
    const clusters = props[6].cluster as X[];
    expect(clusters.map((c) => c.$.name)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    const placed = clusters.flatMap((c) =>
      (c.property.find((p: X) => p.$.name === 'nodes').node as X[]).flatMap((n) => values(n, 'instanceIds').map((id) => [c.$.name, id])),
    );
    expect(placed.sort()).toEqual(
      [
        ['us-east-1a', s.web.InstanceId],
        ['us-east-1a', s.app.InstanceId],
        ['us-east-1b', s.db.InstanceId],
      ].sort(),
    );
  });

  it('lists every instance with the fields DescribeInstances shows, ENIs included', async () => {
    const described = (await t.ec2.send(new DescribeInstancesCommand({}))).Reservations!.flatMap((r) =>
      r.Instances!.map((i) => ({ ...i, owner: r.OwnerId! })),
    );
    const instances = items(doc.instances, 'instance');
    expect(instances.map((i) => i.$.name)).toEqual(described.map((i) => i.InstanceId).sort());
    for (const el of instances) {
      const api = described.find((i) => i.InstanceId === el.$.name)!;
      const primary = api.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 0)!;
      expect({
        ownerId: text(el, 'ownerId'),
        macAddress: text(el, 'macAddress'),
        publicIp: text(el, 'publicIp'),
        privateIp: text(el, 'privateIp'),
        vpc: text(el, 'vpc'),
        subnet: text(el, 'subnet'),
        securityGroups: values(el, 'securityGroups'),
      }).toEqual({
        ownerId: api.owner,
        macAddress: primary.MacAddress,
        publicIp: api.PublicIpAddress,
        privateIp: api.PrivateIpAddress,
        vpc: api.VpcId,
        subnet: api.SubnetId,
        securityGroups: api.SecurityGroups!.map((g) => g.GroupId),
      });
      const expected = [...api.NetworkInterfaces!]
        .filter((n) => ['attaching', 'attached'].includes(n.Attachment!.Status!))
        .sort((a, b) => a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex!);
      const enis = items(el.networkInterfaces, 'networkInterface');
      expect(enis.map((n) => ({
        name: n.$.name,
        ownerId: text(n, 'ownerId'),
        deviceIndex: Number(text(n, 'deviceIndex')),
        attachmentId: text(n, 'attachmentId'),
        macAddress: text(n, 'macAddress'),
        privateIp: text(n, 'privateIp'),
        publicIp: text(n, 'publicIp'),
        sourceDestCheck: text(n, 'sourceDestCheck') === 'true',
        vpc: text(n, 'vpc'),
        subnet: text(n, 'subnet'),
        securityGroups: values(n, 'securityGroups'),
      }))).toEqual(
        expected.map((n) => ({
          name: n.NetworkInterfaceId,
          ownerId: n.OwnerId,
          deviceIndex: n.Attachment!.DeviceIndex,
          attachmentId: n.Attachment!.AttachmentId,
          macAddress: n.MacAddress,
          privateIp: n.PrivateIpAddress,
          publicIp: n.Association?.PublicIp,
          sourceDestCheck: n.SourceDestCheck,
          vpc: n.VpcId,
          subnet: n.SubnetId,
          securityGroups: n.Groups!.map((g) => g.GroupId),
        })),
      );
    }
    // 3 instances, 5 interfaces; the web instance's three in device order, with its Elastic IP on eth0
    expect(instances.flatMap((i) => items(i.networkInterfaces, 'networkInterface'))).toHaveLength(5);
    const web = instances.find((i) => i.$.name === s.web.InstanceId);
    expect(items(web.networkInterfaces, 'networkInterface').map((n) => text(n, 'deviceIndex'))).toEqual(['0', '1', '2']);
    expect(text(web, 'publicIp')).toBe(s.web.PublicIpAddress);
    expect(text(items(web.networkInterfaces, 'networkInterface')[1], 'sourceDestCheck')).toBe('false');
  });

  it('lists only the active VPCs, with their subnets, route tables (active routes only) and gateways', async () => {
    const vpcs = items(doc.vpcs, 'vpc');
    expect(vpcs.map((v) => v.$.name)).toEqual([s.vpcA, s.vpcB].sort()); // not the default VPC: nothing runs there
    const apiVpcs = (await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [s.vpcA, s.vpcB] }))).Vpcs!;
    const tables = (await t.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [s.vpcA, s.vpcB] }] }))).RouteTables!;
    const igws = (await t.ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways!;
    for (const el of vpcs) {
      const api = apiVpcs.find((v) => v.VpcId === el.$.name)!;
      expect([text(el, 'ownerId'), text(el, 'cidr'), text(el, 'dhcpOptionSet')]).toEqual([api.OwnerId, api.CidrBlock, api.DhcpOptionsId]);
      const subnets = (await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [api.VpcId!] }] }))).Subnets!;
      const vpcTables = tables.filter((r) => r.VpcId === api.VpcId);
      const main = vpcTables.find((r) => r.Associations!.some((a) => a.Main))!;
      expect(
        items(el.subnets, 'subnet').map((sn) => [sn.$.name, text(sn, 'ownerId'), text(sn, 'cidr'), text(sn, 'cluster'), text(sn, 'routeTable')]),
      ).toEqual(
        subnets
          .map((sn) => [sn.SubnetId, sn.OwnerId, sn.CidrBlock, sn.AvailabilityZone, main.RouteTableId])
          .sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );
      expect(items(el.networkAcls, 'networkAcl')).toHaveLength(1);
      expect(items(el.routeTables, 'routeTable').map((r) => r.$.name)).toEqual(vpcTables.map((r) => r.RouteTableId).sort());
      for (const rt of items(el.routeTables, 'routeTable')) {
        const api = vpcTables.find((r) => r.RouteTableId === rt.$.name)!;
        expect(
          items(rt.routes, 'route').map((r) => ({
            destinationCidr: text(r, 'destinationCidr'),
            gatewayId: text(r, 'gatewayId'),
            networkInterfaceId: text(r, 'networkInterfaceId'),
          })),
        ).toEqual(
          api.Routes!.filter((r) => r.State === 'active').map((r) => ({
            destinationCidr: r.DestinationCidrBlock,
            gatewayId: r.GatewayId,
            networkInterfaceId: r.NetworkInterfaceId,
          })),
        );
      }
      expect(values(el, 'internetGateways')).toEqual(
        igws.filter((g) => g.Attachments!.some((a) => a.VpcId === api.VpcId)).map((g) => g.InternetGatewayId),
      );
    }
    // the route through web's eth1 is there; the one through the spare (unattached) ENI is a blackhole: left out
    const routesA = items(items(vpcs.find((v) => v.$.name === s.vpcA).routeTables, 'routeTable')[0].routes, 'route');
    expect(routesA.map((r) => text(r, 'destinationCidr'))).toEqual(['10.0.0.0/16', '0.0.0.0/0', '192.168.10.0/24']);
    expect(xml).not.toContain(s.spare.NetworkInterfaceId!);
  });

  it('lists the DHCP option sets and internet gateways of active VPCs only', () => {
    expect(items(doc.internetGateways, 'internetGateway').map((g) => g.$.name)).toEqual([s.igw]);
    const sets = items(doc.dhcpOptionSets, 'dhcpOptionSet');
    expect(sets).toHaveLength(1);
    expect((sets[0].property as X[]).map((p) => [p.$.name, p.value])).toEqual([
      ['domain-name', ['ec2.internal']],
      ['domain-name-servers', ['127.0.0.1']],
    ]);
  });

  it('lists the groups in use and the groups their rules refer to, with the rules', async () => {
    const groups = items(doc.securityGroups, 'securityGroup');
    const { web, admin, app, db } = s.groups;
    expect(groups.map((g) => g.$.name)).toEqual([web, admin, app, db].sort());
    const apiGroups = (await t.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [web, admin, app, db] }))).SecurityGroups!;
    const flat = (perms: NonNullable<(typeof apiGroups)[number]['IpPermissions']>) =>
      perms.flatMap((p) => [
        ...(p.IpRanges ?? []).map((r) => `${p.IpProtocol}|${p.FromPort ?? ''}|${p.ToPort ?? ''}|cidr:${r.CidrIp}`),
        ...(p.UserIdGroupPairs ?? []).map((g) => `${p.IpProtocol}|${p.FromPort ?? ''}|${p.ToPort ?? ''}|group:${g.GroupId}:${g.UserId}`),
      ]);
    const names: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '-1': '-1' };
    const fromDoc = (rules: X[]) =>
      rules.map((r) => {
        const from = text(r, 'fromPort') ?? text(r, 'icmpType') ?? '';
        const to = text(r, 'toPort') ?? text(r, 'icmpCode') ?? '';
        const target = text(r, 'groupId') ? `group:${text(r, 'groupId')}:${text(r, 'groupOwnerId')}` : `cidr:${text(r, 'cidr')}`;
        return `${names[text(r, 'protocol')!]}|${from}|${to}|${target}`;
      });
    for (const el of groups) {
      const api = apiGroups.find((g) => g.GroupId === el.$.name)!;
      expect(text(el, 'ownerId')).toBe(api.OwnerId);
      expect(fromDoc(items(el.ingressRules, 'rule')).sort()).toEqual(flat(api.IpPermissions!).sort());
      expect(fromDoc(items(el.egressRules, 'rule')).sort()).toEqual(flat(api.IpPermissionsEgress!).sort());
    }
    const webEl = groups.find((g) => g.$.name === web);
    expect(values(webEl, 'rules').sort()).toEqual(['-P 6 -p 22-22  -o ' + admin + ' -u 123456789012', '-P 6 -p 443-443  -s 0.0.0.0/0'].sort());
    const dbEl = groups.find((g) => g.$.name === db);
    expect(values(dbEl, 'rules')).toEqual(['-P 6 -p 5432-5432  -s 10.0.0.0/16', '-P 1 -t -1:-1  -s 10.1.0.0/16']);
  });
});

describe('what is left out, and the version', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.close());

  const launchIn = async (subnetId: string): Promise<Instance> =>
    (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', SubnetId: subnetId }))).Instances![0];

  it('an empty region prints every wrapper', async () => {
    const { xml } = await fetchBroadcast(t.url, '?region=eu-west-1&fresh=true');
    expect(xml).toContain('<vpcs/><instances/><dhcpOptionSets/><internetGateways/><securityGroups/></network-data>');
  });

  it('drops stopped and terminated instances, and a VPC (and its groups) with nothing running', async () => {
    const a = await createNetwork(t.ec2, '10.0.0.0/16');
    const b = await createNetwork(t.ec2, '10.1.0.0/16');
    const one = await launchIn(a.subnetA1);
    const two = await launchIn(b.subnetA1);
    t.advance();
    let doc = (await parse((await fetchBroadcast(t.url, '?fresh=true')).xml))['network-data'];
    expect(items(doc.instances, 'instance').map((i) => i.$.name).sort()).toEqual([one.InstanceId, two.InstanceId].sort());
    expect(items(doc.vpcs, 'vpc').map((v) => v.$.name).sort()).toEqual([a.vpcId, b.vpcId].sort());

    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [two.InstanceId!] }));
    t.advance();
    doc = (await parse((await fetchBroadcast(t.url, '?fresh=true')).xml))['network-data'];
    expect(items(doc.instances, 'instance').map((i) => i.$.name)).toEqual([one.InstanceId]);
    expect(items(doc.vpcs, 'vpc').map((v) => v.$.name)).toEqual([a.vpcId]);
    const groupOfTwo = two.SecurityGroups![0].GroupId!;
    expect(items(doc.securityGroups, 'securityGroup').map((g) => g.$.name)).not.toContain(groupOfTwo);

    await t.ec2.send(new StartInstancesCommand({ InstanceIds: [two.InstanceId!] }));
    t.advance();
    doc = (await parse((await fetchBroadcast(t.url, '?fresh=true')).xml))['network-data'];
    expect(items(doc.instances, 'instance')).toHaveLength(2);

    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [one.InstanceId!, two.InstanceId!] }));
    // shutting-down still runs on its host; terminated is gone
    t.advance();
    doc = (await parse((await fetchBroadcast(t.url, '?fresh=true')).xml))['network-data'];
    expect(items(doc.instances, 'instance')).toEqual([]);
    expect(items(doc.vpcs, 'vpc')).toEqual([]);
    expect(items(doc.securityGroups, 'securityGroup')).toEqual([]);
  });

  it('network ACLs, their IPv4 entries, the ACL of each subnet and the DHCP options come from the stored state', async () => {
    const net = await createNetwork(t.ec2);
    const { NetworkAcl } = await t.ec2.send(new CreateNetworkAclCommand({ VpcId: net.vpcId }));
    const aclId = NetworkAcl!.NetworkAclId!;
    const add = (RuleNumber: number, extra: object) =>
      t.ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber, RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/8', Protocol: '6', ...extra }));
    await add(100, { PortRange: { From: 22, To: 22 } });
    await add(110, { Protocol: '1', IcmpTypeCode: { Type: 8, Code: 0 } });
    await add(120, { CidrBlock: undefined, Ipv6CidrBlock: '::/0', Protocol: '-1' }); // the hosts' format has no IPv6: left out
    const [dflt] = (await t.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }, { Name: 'default', Values: ['true'] }] }))).NetworkAcls!;
    const assoc = dflt.Associations!.find((a) => a.SubnetId === net.subnetA1)!;
    await t.ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: assoc.NetworkAclAssociationId, NetworkAclId: aclId }));
    const { DhcpOptions } = await t.ec2.send(
      new CreateDhcpOptionsCommand({ DhcpConfigurations: [{ Key: 'domain-name-servers', Values: ['AmazonProvidedDNS', '10.0.0.2'] }, { Key: 'domain-name', Values: ['corp.example'] }] }),
    );
    await t.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: net.vpcId, DhcpOptionsId: DhcpOptions!.DhcpOptionsId }));
    await launchIn(net.subnetA1);
    t.advance();
    const doc = (await parse((await fetchBroadcast(t.url, '?fresh=true')).xml))['network-data'];
    const [vpc] = items(doc.vpcs, 'vpc');
    expect(text(vpc, 'dhcpOptionSet')).toBe(DhcpOptions!.DhcpOptionsId);
    expect(Object.fromEntries(items(vpc.subnets, 'subnet').map((sn) => [sn.$.name, text(sn, 'networkAcl')]))).toEqual({
      [net.subnetA1]: aclId,
      [net.subnetA2]: dflt.NetworkAclId,
      [net.subnetB]: dflt.NetworkAclId,
    });
    const acls = items(vpc.networkAcls, 'networkAcl');
    expect(acls.map((a) => a.$.name)).toEqual([aclId, dflt.NetworkAclId].sort());
    const mine = acls.find((a) => a.$.name === aclId);
    const entry = (e: X) => ({ n: e.$.number, p: text(e, 'protocol'), a: text(e, 'action'), c: text(e, 'cidr'), t: text(e, 'icmpType'), f: text(e, 'portRangeFrom') });
    expect(items(mine.ingressEntries, 'entry').map(entry)).toEqual([
      { n: '100', p: '6', a: 'allow', c: '10.0.0.0/8', t: undefined, f: '22' },
      { n: '110', p: '1', a: 'allow', c: '10.0.0.0/8', t: '8', f: undefined },
      { n: '32767', p: '-1', a: 'deny', c: '0.0.0.0/0', t: undefined, f: undefined },
    ]);
    expect(items(mine.egressEntries, 'entry').map((e: X) => e.$.number)).toEqual(['32767']);
    const [set] = items(doc.dhcpOptionSets, 'dhcpOptionSet');
    expect((set.property as X[]).map((p) => [p.$.name, p.value])).toEqual([
      ['domain-name', ['corp.example']],
      ['domain-name-servers', ['127.0.0.1', '10.0.0.2']],
    ]);
  });

  it('covers every account of the region unless asked for an account set', async () => {
    const other = t.client({ accessKeyId: '210987654321' });
    const mine = await launchIn((await createNetwork(t.ec2)).subnetA1);
    const theirsReal = (
      await other.send(
        new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', SubnetId: (await createNetwork(other)).subnetA1 }),
      )
    ).Instances![0];
    t.advance();
    const names = async (query: string) =>
      items((await parse((await fetchBroadcast(t.url, query)).xml))['network-data'].instances, 'instance').map((i) => [i.$.name, text(i, 'ownerId')]);
    expect((await names('?fresh=true')).sort()).toEqual(
      [
        [mine.InstanceId, '123456789012'],
        [theirsReal.InstanceId, '210987654321'],
      ].sort(),
    );
    expect(await names('?account=210987654321')).toEqual([[theirsReal.InstanceId, '210987654321']]);
    expect(await names('?account=123456789012,210987654321')).toHaveLength(2);
    expect((await fetch(`${t.url}/_ec2lite/broadcast?account=42`)).status).toBe(400);
    expect((await fetch(`${t.url}/_ec2lite/broadcast?region=nowhere`)).status).toBe(400);
  });

  it('keeps the version and the bytes while nothing changes; ETag / If-None-Match answer 304', async () => {
    const net = await createNetwork(t.ec2);
    await launchIn(net.subnetA1);
    t.advance();
    const first = await fetchBroadcast(t.url, '?fresh=true');
    // Describe calls commit nothing that the document shows: rebuilding gives the same bytes and version
    await t.ec2.send(new DescribeInstancesCommand({}));
    const again = await fetchBroadcast(t.url, '?fresh=true');
    expect(again.version).toBe(first.version);
    expect(again.xml).toBe(first.xml);
    expect(first.etag).toBe(`"${first.version}"`);
    expect(first.xml).toContain(`<network-data version="${first.version}">`);

    const notModified = await fetchBroadcast(t.url, '', { 'If-None-Match': first.etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.xml).toBe('');
    const version = await (await fetch(`${t.url}/_ec2lite/broadcast/version`)).json();
    expect(version).toMatchObject({ region: 'us-east-1', accounts: 'all', version: first.version, stale: false });

    await launchIn(net.subnetA2);
    t.advance();
    const changed = await fetchBroadcast(t.url, '?fresh=true', { 'If-None-Match': first.etag! });
    expect(changed.status).toBe(200);
    expect(changed.version).not.toBe(first.version);
  });
});
