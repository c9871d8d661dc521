/**
 * FlatDHCP end to end: networks created the nova way, launches that get one VIF per network (3 NICs), hosts
 * claimed on the first allocation, a multi-host network served by the compute host, golden renders of each host,
 * the EC2 API agreeing with the hosts files, requested fixed IPs, and re-renders after a termination.
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { AMI } from '../helpers/network';
import { adminCall, apiEntries, createNetworks, expectGolden, hostsEntries, renderOf, startNova } from './helpers';

let t: TestServer;
let nets: any[];

beforeEach(async () => {
  t = await startNova('flatdhcp');
  nets = [
    ...(await createNetworks(t, { label: 'net', cidr: '10.10.0.0/16', numNetworks: 2, networkSize: 256 })),
    ...(await createNetworks(t, { label: 'storage', cidr: '10.20.0.0/24', multiHost: true, cidrV6: 'fd00:20::/48' })),
  ];
});
afterEach(() => t.close());

const launch = async (extra: Record<string, unknown> = {}) =>
  (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', ...extra }))).Instances![0];

describe('a launch without subnet or interfaces', () => {
  it('gets one interface per network without a VLAN, in network order, with first-free fixed IPs and nova MACs', async () => {
    const a = await launch();
    const b = await launch();
    expect(a.VpcId).toBe(nets[0].vpcId);
    expect(a.SubnetId).toBe(nets[0].subnetId);
    const nics = (i: typeof a) =>
      [...i.NetworkInterfaces!].sort((x, y) => x.Attachment!.DeviceIndex! - y.Attachment!.DeviceIndex!).map((n) => [n.Attachment!.DeviceIndex, n.SubnetId, n.PrivateIpAddress, n.Attachment!.DeleteOnTermination]);
    expect(nics(a)).toEqual([
      [0, nets[0].subnetId, '10.10.0.2', true],
      [1, nets[1].subnetId, '10.10.1.2', true],
      [2, nets[2].subnetId, '10.20.0.2', true],
    ]);
    // The multi-host network's dhcp server took 10.20.0.3 from the pool for the compute host after a's VIF.
    expect(nics(b)).toEqual([
      [0, nets[0].subnetId, '10.10.0.3', true],
      [1, nets[1].subnetId, '10.10.1.3', true],
      [2, nets[2].subnetId, '10.20.0.4', true],
    ]);
    for (const n of [...a.NetworkInterfaces!, ...b.NetworkInterfaces!]) expect(n.MacAddress).toMatch(/^02:16:3e:[0-7][0-9a-f](:[0-9a-f]{2}){2}$/);
    expect(new Set([...a.NetworkInterfaces!, ...b.NetworkInterfaces!].map((n) => n.MacAddress)).size).toBe(6);

    const dhcp = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'requester-managed', Values: ['true'] }] }));
    expect(dhcp.NetworkInterfaces!.map((n) => [n.SubnetId, n.PrivateIpAddress, n.Description, n.Status])).toEqual([
      [nets[2].subnetId, '10.20.0.3', 'nova-network dhcp server of storage on compute-1', 'available'],
    ]);
    const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [nets[2].subnetId] }));
    expect(Subnets![0].AvailableIpAddressCount).toBe(253 - 3);
  });

  it('claims a network host for each non-multi-host network at the first allocation, spreading them', async () => {
    let hosts = await adminCall(t, 'GET', 'network-hosts');
    expect(hosts.body.unclaimed.map((n: any) => [n.id, n.reason])).toEqual([
      [1, 'no instance yet: the first allocation claims a network host'],
      [2, 'no instance yet: the first allocation claims a network host'],
      [3, 'multi_host: set up by the compute host at its first instance'],
    ]);
    await launch();
    hosts = await adminCall(t, 'GET', 'network-hosts');
    expect(hosts.body.hosts.map((h: any) => [h.name, h.address, h.role, h.networks.map((n: any) => [n.id, n.dhcpServer])])).toEqual([
      ['network-1', '10.111.0.11', 'network', [[1, '10.10.0.1']]],
      ['network-2', '10.111.0.12', 'network', [[2, '10.10.1.1']]],
      ['compute-1', '10.111.0.10', 'compute', [[3, '10.20.0.3']]],
    ]);
    expect(hosts.body.unclaimed).toEqual([]);
    const list = await adminCall(t, 'GET', 'networks');
    expect(list.body.networks.map((n: any) => n.host)).toEqual(['network-1', 'network-2', null]);
    // A second launch keeps the hosts.
    await launch();
    const again = await adminCall(t, 'GET', 'network-hosts');
    expect(again.body).toEqual(hosts.body);
  });

  it('applies PrivateIpAddress to the first network, with nova reserving only network, gateway and broadcast', async () => {
    const before = await adminCall(t, 'GET', 'networks');
    await expectEc2Error(launch({ PrivateIpAddress: '10.10.0.1' }), { code: 'InvalidParameterValue', message: "Address 10.10.0.1 is in subnet's reserved address range" });
    await expectEc2Error(launch({ PrivateIpAddress: '10.10.0.255' }), { code: 'InvalidParameterValue', message: "Address 10.10.0.255 is in subnet's reserved address range" });
    await expectEc2Error(launch({ PrivateIpAddress: '10.10.1.7' }), { code: 'InvalidParameterValue', message: "Address 10.10.1.7 does not fall within the subnet's address range" });
    const a = await launch({ PrivateIpAddress: '10.10.0.2' }); // EC2 would reserve .2; nova does not
    expect(a.PrivateIpAddress).toBe('10.10.0.2');
    // In use: the whole launch fails and leaves nothing behind (no instance, no interface, no host claim).
    const instancesBefore = (await t.ec2.send(new DescribeInstancesCommand({}))).Reservations!.length;
    const enisBefore = (await t.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces!.length;
    await expectEc2Error(launch({ PrivateIpAddress: '10.10.0.2' }), { code: 'InvalidIPAddress.InUse', message: 'Address 10.10.0.2 is in use.' });
    expect((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations!.length).toBe(instancesBefore);
    expect((await t.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces!.length).toBe(enisBefore);
    expect(before.body.networks.map((n: any) => n.host)).toEqual([null, null, null]);
  });

  it('rolls a failed launch back whole, host claims included', async () => {
    // m5.large allows 3 interfaces: four networks exceed it before anything is written.
    const [tiny] = await createNetworks(t, { label: 'tiny', cidr: '10.30.0.0/30', networkSize: 4, multiHost: true });
    await expectEc2Error(launch(), { code: 'AttachmentLimitExceeded', message: 'Interface count 4 exceeds the limit for m5.large' });
    // The tiny multi-host network has one usable address: the VIF takes it, then the compute host's dhcp address
    // cannot be had. The launch fails after its interfaces and host claims were written, and all of it is undone.
    await expectEc2Error(launch({ InstanceType: 'm5.xlarge' }), {
      code: 'InsufficientFreeAddressesInSubnet',
      message: 'The specified subnet does not have enough free addresses to satisfy the request.',
    });
    expect((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    expect((await t.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces).toEqual([]);
    const list = await adminCall(t, 'GET', 'networks');
    expect(list.body.networks.map((n: any) => [n.label, n.host, n.servedBy])).toEqual([
      ['net_0', null, []],
      ['net_1', null, []],
      ['storage', null, []],
      ['tiny', null, []],
    ]);
    const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [tiny.subnetId] }));
    expect(Subnets![0].AvailableIpAddressCount).toBe(1);
  });
});

describe('renders', () => {
  it('renders each host, agrees with the EC2 API, and follows instances as they come and go', async () => {
    const a = await launch();
    const b = await launch();
    t.advance();
    // An Elastic IP on a's first VIF becomes a floating IP on that network's host.
    const eip = await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const aFirst = a.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 0)!;
    await t.ec2.send(new AssociateAddressCommand({ AllocationId: eip.AllocationId, NetworkInterfaceId: aFirst.NetworkInterfaceId }));

    const sdg = '?singleDefaultGateway=true';
    const n1 = await renderOf(t, 'network-1', sdg);
    const n2 = await renderOf(t, 'network-2', sdg);
    const c1 = await renderOf(t, 'compute-1', sdg);
    expectGolden('flatdhcp/network-1', n1);
    expectGolden('flatdhcp/network-2', n2);
    expectGolden('flatdhcp/compute-1', c1);
    expectGolden('flatdhcp/network-1-plain', await renderOf(t, 'network-1'));

    // The hosts files hold exactly the attached interfaces the EC2 API shows, per network.
    expect(hostsEntries(n1.get('networks/nova-br100.conf'))).toEqual(await apiEntries(t.ec2, nets[0].subnetId));
    expect(hostsEntries(n2.get('networks/nova-br101.conf'))).toEqual(await apiEntries(t.ec2, nets[1].subnetId));
    expect(hostsEntries(c1.get('networks/nova-br102.conf'))).toEqual(await apiEntries(t.ec2, nets[2].subnetId));
    // DescribeInstances tells the same story: every VIF of every instance is a line of its network's hosts file.
    const fromInstances = (await t.ec2.send(new DescribeInstancesCommand({}))).Reservations!.flatMap((r) =>
      r.Instances!.flatMap((i) => i.NetworkInterfaces!.map((n) => [n.SubnetId, n.MacAddress, i.InstanceId, n.PrivateIpAddress].join(' '))),
    );
    const fromRenders = [
      ...hostsEntries(n1.get('networks/nova-br100.conf')).map((e) => [nets[0].subnetId, ...e].join(' ')),
      ...hostsEntries(n2.get('networks/nova-br101.conf')).map((e) => [nets[1].subnetId, ...e].join(' ')),
      ...hostsEntries(c1.get('networks/nova-br102.conf')).map((e) => [nets[2].subnetId, ...e].join(' ')),
    ];
    expect(fromRenders.sort()).toEqual(fromInstances.sort());
    // Only first VIFs keep the default gateway: every VIF of network 2 and 3 is in its opts file, none of network 1.
    expect(n1.get('networks/nova-br100.opts')).toBe('');
    expect(n2.get('networks/nova-br101.opts')!.split('\n').filter(Boolean)).toHaveLength(2);
    expect(n1.get('iptables.rules')).toContain(`-A nova-network-floating-snat -s ${aFirst.PrivateIpAddress} -j SNAT --to ${eip.PublicIp}`);

    // Rendering twice gives the same bytes.
    expect(await renderOf(t, 'network-1', sdg)).toEqual(n1);

    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [b.InstanceId!] }));
    t.advance();
    const after = await renderOf(t, 'network-1', sdg);
    expectGolden('flatdhcp/network-1-after-terminate', after);
    expect(hostsEntries(after.get('networks/nova-br100.conf'))).toEqual(await apiEntries(t.ec2, nets[0].subnetId));
    expect(hostsEntries(after.get('networks/nova-br100.conf')).map((e) => e[1])).toEqual([a.InstanceId]);
    // b's address is free again: the next launch gets it back.
    const c = await launch();
    expect(c.NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 0)!.PrivateIpAddress).toBe('10.10.0.3');
  });

  it('answers 404 for an unknown host', async () => {
    const out = await adminCall(t, 'GET', 'network-hosts/nope/render');
    expect(out.status).toBe(404);
    expect(out.body.error).toBe("unknown network host 'nope' (network-1, network-2, compute-1)");
  });
});
