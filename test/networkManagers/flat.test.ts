/**
 * Flat end to end: every network without a VLAN gets a VIF, nova reserves only network and gateway at the bottom,
 * no network host is ever claimed (nova configures nothing for FlatManager), and the renders say so.
 */
import { RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import type { TestServer } from '../helpers/server';
import { AMI } from '../helpers/network';
import { adminCall, createNetworks, expectGolden, renderOf, startNova } from './helpers';

let t: TestServer;
let nets: any[];

beforeEach(async () => {
  t = await startNova('flat');
  nets = await createNetworks(t, { label: 'flat', cidr: '10.1.0.0/23', numNetworks: 2, networkSize: 256 });
});
afterEach(() => t.close());

const launch = async (extra: Record<string, unknown> = {}) =>
  (await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, InstanceType: 'm5.large', ...extra }))).Instances![0];

it('attaches one VIF per network, takes .2 as the first address, and claims no host', async () => {
  expect(nets.map((n) => [n.label, n.cidr, n.bridge, n.bridgeInterface, n.dhcpStart])).toEqual([
    ['flat_0', '10.1.0.0/24', 'br100', null, '10.1.0.2'],
    ['flat_1', '10.1.1.0/24', 'br101', null, '10.1.1.2'],
  ]);
  const a = await launch();
  expect([...a.NetworkInterfaces!].sort((x, y) => x.Attachment!.DeviceIndex! - y.Attachment!.DeviceIndex!).map((n) => [n.SubnetId, n.PrivateIpAddress])).toEqual([
    [nets[0].subnetId, '10.1.0.2'],
    [nets[1].subnetId, '10.1.1.2'],
  ]);
  const hosts = await adminCall(t, 'GET', 'network-hosts');
  expect(hosts.body.hosts.every((h: any) => h.networks.length === 0)).toBe(true);
  expect(hosts.body.unclaimed.map((n: any) => n.reason)).toEqual([
    'flat: nova gives flat networks no network host',
    'flat: nova gives flat networks no network host',
  ]);
  const claim = await adminCall(t, 'POST', 'networks/1/claim', { host: 'network-1' });
  expect(claim).toEqual({ status: 400, body: { error: 'network 1 is a flat network: nova gives flat networks no network host' } });
});

it('renders nothing to configure: the compute host lists the bridges that must exist', async () => {
  const a = await launch();
  await launch();
  t.advance();
  expectGolden('flat/compute-1', await renderOf(t, 'compute-1'));
  expectGolden('flat/network-1', await renderOf(t, 'network-1'));
  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [a.InstanceId!] }));
  t.advance();
  const after = await renderOf(t, 'compute-1');
  expect(after.get('commands.sh')).toContain("# network 1 'flat_0' 10.1.0.0/24 (flat): nova configures nothing on the host; bridge br100 must already exist (1 VIF)\n");
});
