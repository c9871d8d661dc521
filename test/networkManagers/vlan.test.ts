/**
 * VLAN end to end: the project's (account's) networks, dhcp from .3 with .2 the VPN address, hosts claimed on the
 * first allocation with the host's address as the VPN public address, golden renders (vconfig, br<vlan>, cloudpipe
 * forward), the EC2 API agreeing with the hosts files, another project kept apart, and a re-render after a
 * termination.
 */
import { DescribeInstancesCommand, RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { expectEc2Error, TestServer } from '../helpers/server';
import { AMI } from '../helpers/network';
import { adminCall, apiEntries, createNetworks, expectGolden, hostsEntries, renderOf, startNova } from './helpers';

let t: TestServer;
let nets: any[];

beforeEach(async () => {
  t = await startNova('vlan');
  nets = await createNetworks(t, { label: 'proj', cidr: '10.0.0.0/16', numNetworks: 3, networkSize: 64 });
});
afterEach(() => t.close());

const launch = async (extra: Record<string, unknown> = {}, ec2 = t.ec2) =>
  (await ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', ...extra }))).Instances![0];
const byIndex = (i: { NetworkInterfaces?: any[] }) => [...i.NetworkInterfaces!].sort((a, b) => a.Attachment.DeviceIndex - b.Attachment.DeviceIndex);

it("gives a launch one VIF on each of the project's networks, from dhcp_start .3; the VPN address .2 is reserved", async () => {
  const a = await launch();
  expect(byIndex(a).map((n) => [n.Attachment.DeviceIndex, n.SubnetId, n.PrivateIpAddress])).toEqual([
    [0, nets[0].subnetId, '10.0.0.3'],
    [1, nets[1].subnetId, '10.0.0.67'],
    [2, nets[2].subnetId, '10.0.0.131'],
  ]);
  await expectEc2Error(launch({ PrivateIpAddress: '10.0.0.2' }), { code: 'InvalidParameterValue', message: "Address 10.0.0.2 is in subnet's reserved address range" });
  const b = await launch({ PrivateIpAddress: '10.0.0.60' });
  expect(b.PrivateIpAddress).toBe('10.0.0.60');
});

it('claims hosts at the first allocation; the claiming host becomes the VPN public address', async () => {
  await launch();
  const list = await adminCall(t, 'GET', 'networks');
  expect(list.body.networks.map((n: any) => [n.id, n.host, n.vpnPublicAddress, n.vpnPublicPort])).toEqual([
    [1, 'network-1', '10.111.0.11', 1000],
    [2, 'network-2', '10.111.0.12', 1001],
    [3, 'network-1', '10.111.0.11', 1002],
  ]);
});

it("keeps another project's launches off these networks", async () => {
  const other = t.client({ accessKeyId: '210987654321' });
  // No networks of its own: the EC2 rules apply (its default VPC).
  const plain = await launch({}, other);
  expect(plain.NetworkInterfaces).toHaveLength(1);
  expect(plain.PrivateIpAddress).toMatch(/^172\.31\./);
  const [own] = await createNetworks(t, { label: 'theirs', cidr: '10.1.0.0/24', account: '210987654321', vlanStart: 200 });
  const mine = await launch({}, other);
  expect(byIndex(mine).map((n) => [n.SubnetId, n.PrivateIpAddress])).toEqual([[own.subnetId, '10.1.0.3']]);
  expect((await other.send(new DescribeInstancesCommand({ InstanceIds: [mine.InstanceId!] }))).Reservations![0].Instances![0].VpcId).toBe(own.vpcId);
});

it('renders the VLAN plumbing, the cloudpipe forward and dnsmasq per host, following instances', async () => {
  const a = await launch();
  const b = await launch();
  t.advance();
  const n1 = await renderOf(t, 'network-1');
  const n2 = await renderOf(t, 'network-2');
  expectGolden('vlan/network-1', n1);
  expectGolden('vlan/network-2', n2);
  expectGolden('vlan/compute-1', await renderOf(t, 'compute-1'));
  expect(n1.get('commands.sh')).toContain('vconfig add eth0 100\n');
  expect(n1.get('iptables.rules')).toContain('-A nova-network-PREROUTING -d 10.111.0.11 -p udp --dport 1000 -j DNAT --to 10.0.0.2:1194\n');
  expect(n1.get('iptables.rules')).toContain('-A nova-network-FORWARD -d 10.0.0.2 -p udp --dport 1194 -j ACCEPT\n');
  expect(hostsEntries(n1.get('networks/nova-br100.conf'))).toEqual(await apiEntries(t.ec2, nets[0].subnetId));
  expect(hostsEntries(n2.get('networks/nova-br101.conf'))).toEqual(await apiEntries(t.ec2, nets[1].subnetId));
  expect(hostsEntries(n1.get('networks/nova-br102.conf'))).toEqual(await apiEntries(t.ec2, nets[2].subnetId));
  expect(hostsEntries(n1.get('networks/nova-br100.conf')).map((e) => e[1])).toEqual([a.InstanceId, b.InstanceId]);

  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [a.InstanceId!] }));
  t.advance();
  const after = await renderOf(t, 'network-1');
  expectGolden('vlan/network-1-after-terminate', after);
  expect(hostsEntries(after.get('networks/nova-br100.conf')).map((e) => e[1])).toEqual([b.InstanceId]);
  expect(hostsEntries(after.get('networks/nova-br100.conf'))).toEqual(await apiEntries(t.ec2, nets[0].subnetId));
});
