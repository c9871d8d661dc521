/**
 * Network creation as nova does it through POST /_ec2lite/networks: the split, skipped blocks,
 * labels, the per-network layout of each manager, VLAN bounds, nova's error texts, and how the networks appear in
 * the EC2 API (subnets of one VPC per account and region, with nova's reserved addresses).
 * See docs/behavior.md "Creating nova networks".
 */
import { DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import type { TestServer } from '../helpers/server';
import { adminCall, createNetworks, expectCreateError, startNova } from './helpers';

let t: TestServer;
afterEach(() => t?.close());

const pick = (n: any) => ({
  label: n.label,
  cidr: n.cidr,
  gateway: n.gateway,
  broadcast: n.broadcast,
  netmask: n.netmask,
  dhcpStart: n.dhcpStart,
  vlan: n.vlan,
  bridge: n.bridge,
  vpnPrivateAddress: n.vpnPrivateAddress,
  vpnPublicPort: n.vpnPublicPort,
  dns1: n.dns1,
});

describe('flat and flatdhcp networks', () => {
  beforeEach(async () => {
    t = await startNova('flatdhcp');
  });

  it('splits the range into num_networks blocks of network_size, labelled <label>_<i>, each a subnet of one VPC', async () => {
    const nets = await createNetworks(t, { label: 'net', cidr: '10.0.0.0/16', numNetworks: 3, networkSize: 256 });
    expect(nets.map(pick)).toEqual([
      { label: 'net_0', cidr: '10.0.0.0/24', gateway: '10.0.0.1', broadcast: '10.0.0.255', netmask: '255.255.255.0', dhcpStart: '10.0.0.2', vlan: null, bridge: 'br100', vpnPrivateAddress: null, vpnPublicPort: null, dns1: '8.8.4.4' },
      { label: 'net_1', cidr: '10.0.1.0/24', gateway: '10.0.1.1', broadcast: '10.0.1.255', netmask: '255.255.255.0', dhcpStart: '10.0.1.2', vlan: null, bridge: 'br101', vpnPrivateAddress: null, vpnPublicPort: null, dns1: '8.8.4.4' },
      { label: 'net_2', cidr: '10.0.2.0/24', gateway: '10.0.2.1', broadcast: '10.0.2.255', netmask: '255.255.255.0', dhcpStart: '10.0.2.2', vlan: null, bridge: 'br102', vpnPrivateAddress: null, vpnPublicPort: null, dns1: '8.8.4.4' },
    ]);
    expect(nets.map((n) => [n.id, n.manager, n.project, n.region, n.host, n.multiHost])).toEqual([
      [1, 'flatdhcp', '123456789012', 'us-east-1', null, false],
      [2, 'flatdhcp', '123456789012', 'us-east-1', null, false],
      [3, 'flatdhcp', '123456789012', 'us-east-1', null, false],
    ]);
    expect(new Set(nets.map((n) => n.vpcId)).size).toBe(1);

    const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: nets.map((n) => n.subnetId) }));
    // nova reserves network + gateway and the broadcast address (Folsom): 256 - 3 usable.
    expect(Subnets!.map((s) => [s.CidrBlock, s.VpcId, s.AvailableIpAddressCount, s.Tags])).toEqual(
      nets.map((n) => [n.cidr, n.vpcId, 253, [{ Key: 'Name', Value: n.label }]]),
    );
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [nets[0].vpcId] }));
    expect(Vpcs![0]).toMatchObject({ CidrBlock: '10.0.0.0/16', IsDefault: false, Tags: [{ Key: 'Name', Value: 'nova-network' }] });
  });

  it('keeps the label of a single network, and takes the bridge it is given (shared by the whole call, as nova)', async () => {
    const [one] = await createNetworks(t, { label: 'public', cidr: '192.168.0.0/24', bridge: 'br-pub', bridgeInterface: 'eth1' });
    expect(one).toMatchObject({ label: 'public', cidr: '192.168.0.0/24', bridge: 'br-pub', bridgeInterface: 'eth1', dhcpStart: '192.168.0.2' });
    const two = await createNetworks(t, { label: 'lab', cidr: '172.16.0.0/23', numNetworks: 2, networkSize: 256, bridge: 'br9', multiHost: true, dns2: '1.1.1.1' });
    expect(two.map((n) => [n.label, n.bridge, n.multiHost, n.dns1, n.dns2])).toEqual([
      ['lab_0', 'br9', true, '8.8.4.4', '1.1.1.1'],
      ['lab_1', 'br9', true, '8.8.4.4', '1.1.1.1'],
    ]);
    // Both calls' networks sit in the scope's one nova VPC, whose block grew to hold them.
    expect(two[0].vpcId).toBe(one.vpcId);
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [one.vpcId] }));
    expect(Vpcs![0].CidrBlock).toBe('128.0.0.0/1');
  });

  it('skips blocks other networks use, and moves the skipped one to the end of the list as nova does', async () => {
    await createNetworks(t, { label: 'a', cidr: '10.0.0.0/24' });
    const nets = await createNetworks(t, { label: 'b', cidr: '10.0.0.0/22', numNetworks: 2, networkSize: 256 });
    expect(nets.map((n) => [n.label, n.cidr])).toEqual([
      ['b_0', '10.0.1.0/24'],
      ['b_1', '10.0.2.0/24'],
    ]);
    const again = await createNetworks(t, { label: 'c', cidr: '10.0.2.0/23', networkSize: 256 });
    expect(again.map((n) => n.cidr)).toEqual(['10.0.3.0/24']);
    // nova's quirk, kept: the next block is looked for among this call's blocks only, so when it is used too the
    // call fails with a "supernet" conflict naming that (equal) block.
    await expectCreateError(t, { label: 'd', cidr: '10.0.0.0/22', networkSize: 256 }, 'requested cidr (10.0.1.0/24) conflicts with existing supernet (10.0.1.0/24)');
  });

  it("answers nova's errors: cidr already in use, supernet and smaller-cidr conflicts, a range too small", async () => {
    await createNetworks(t, { label: 'a', cidr: '10.0.0.0/24' });
    await expectCreateError(t, { label: 'b', cidr: '10.0.0.0/24' }, 'cidr already in use');
    await createNetworks(t, { label: 'big', cidr: '10.8.0.0/16', networkSize: 65536 });
    await expectCreateError(t, { label: 'c', cidr: '10.8.1.0/24' }, 'requested cidr (10.8.1.0/24) conflicts with existing supernet (10.8.0.0/16)');
    await createNetworks(t, { label: 'small', cidr: '10.9.0.0/25' });
    await expectCreateError(t, { label: 'd', cidr: '10.9.0.0/24', networkSize: 256 }, 'requested cidr (10.9.0.0/24) conflicts with existing smaller cidr (10.9.0.0/25)');
    await expectCreateError(t, { label: 'e', cidr: '10.20.0.0/24', numNetworks: 2, networkSize: 256 }, 'The network range is not big enough to fit 2. Network size is 256');
    await expectCreateError(t, { cidr: '10.30.0.0/24' }, 'label is required to create a network.');
    await expectCreateError(t, { label: 'x' }, 'cidr (fixed_range_v4) is required to create a network.');
    await expectCreateError(t, { label: 'x', cidr: '10.1.2.300/24' }, 'Invalid cidr 10.1.2.300/24.');
    await expectCreateError(t, { label: 'x', cidr: '10.40.0.0/24', colour: 'blue' }, /^unknown field 'colour'/);
    // Nothing of the failed calls was kept.
    const list = await adminCall(t, 'GET', 'networks');
    expect(list.body.networks.map((n: any) => n.label)).toEqual(['a', 'big', 'small']);
  });

  it('gives each network an IPv6 block of the same size from cidr_v6, with gateway ::1 of the block', async () => {
    const nets = await createNetworks(t, { label: 'six', cidr: '10.5.0.0/23', numNetworks: 2, networkSize: 256, cidrV6: 'fd00:5::/48' });
    expect(nets.map((n) => [n.cidrV6, n.gatewayV6, n.netmaskV6])).toEqual([
      ['fd00:5::/120', 'fd00:5::1', '120'],
      ['fd00:5::100/120', 'fd00:5::101', '120'],
    ]);
  });

  it('defaults network_size as nova-manage does: the range divided by num_networks, at most 256', async () => {
    const [whole] = await createNetworks(t, { label: 'w', cidr: '10.50.0.0/26' });
    expect([whole.cidr, whole.broadcast]).toEqual(['10.50.0.0/26', '10.50.0.63']);
    const [capped] = await createNetworks(t, { label: 'c', cidr: '10.60.0.0/16' });
    expect(capped.cidr).toBe('10.60.0.0/24');
  });

  it('keeps each account and region apart, and lists networks by account and region', async () => {
    await createNetworks(t, { label: 'mine', cidr: '10.0.0.0/24' });
    await createNetworks(t, { label: 'theirs', cidr: '10.0.1.0/24', account: '210987654321' });
    const other = await adminCall(t, 'POST', 'networks', { label: 'eu', cidr: '10.0.0.0/24', region: 'eu-west-1' });
    expect(other.status).toBe(400); // eu-west-1 uses the vpc manager
    expect(other.body.error).toMatch(/^region eu-west-1 uses the vpc network manager/);
    const mine = await adminCall(t, 'GET', 'networks?account=123456789012');
    const theirs = await adminCall(t, 'GET', 'networks?account=210987654321');
    expect(mine.body.networks.map((n: any) => n.label)).toEqual(['mine']);
    expect(theirs.body.networks.map((n: any) => n.label)).toEqual(['theirs']);
    expect(theirs.body.networks[0].vpcId).not.toBe(mine.body.networks[0].vpcId);
    // One nova deployment per region: another project cannot reuse a block.
    await expectCreateError(t, { label: 'again', cidr: '10.0.1.0/24' }, 'cidr already in use');
  });
});

describe('vlan networks', () => {
  beforeEach(async () => {
    t = await startNova('vlan');
  });

  it('numbers VLANs from vlan_start, bridges br<vlan>, VPN .2 and port 1000+index, dhcp_start .3, no DNS', async () => {
    const nets = await createNetworks(t, { label: 'proj', cidr: '10.0.0.0/16', numNetworks: 3, networkSize: 64 });
    expect(nets.map(pick)).toEqual([
      { label: 'proj_0', cidr: '10.0.0.0/26', gateway: '10.0.0.1', broadcast: '10.0.0.63', netmask: '255.255.255.192', dhcpStart: '10.0.0.3', vlan: 100, bridge: 'br100', vpnPrivateAddress: '10.0.0.2', vpnPublicPort: 1000, dns1: null },
      { label: 'proj_1', cidr: '10.0.0.64/26', gateway: '10.0.0.65', broadcast: '10.0.0.127', netmask: '255.255.255.192', dhcpStart: '10.0.0.67', vlan: 101, bridge: 'br101', vpnPrivateAddress: '10.0.0.66', vpnPublicPort: 1001, dns1: null },
      { label: 'proj_2', cidr: '10.0.0.128/26', gateway: '10.0.0.129', broadcast: '10.0.0.191', netmask: '255.255.255.192', dhcpStart: '10.0.0.131', vlan: 102, bridge: 'br102', vpnPrivateAddress: '10.0.0.130', vpnPublicPort: 1002, dns1: null },
    ]);
    expect(nets.map((n) => [n.bridgeInterface, n.vpnPublicAddress])).toEqual([
      ['eth0', null],
      ['eth0', null],
      ['eth0', null],
    ]);
    // VLAN reserves network, gateway and the VPN address, and the broadcast: 64 - 4.
    const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [nets[0].subnetId] }));
    expect(Subnets![0].AvailableIpAddressCount).toBe(60);
  });

  it('honours vlan_start, vpn_start and cnt_vpn_clients', async () => {
    const nets = await createNetworks(t, { label: 'p', cidr: '10.1.0.0/24', numNetworks: 2, networkSize: 128, vlanStart: 300, vpnStart: 2000, cntVpnClients: 5 });
    expect(nets.map((n) => [n.vlan, n.bridge, n.vpnPublicPort])).toEqual([
      [300, 'br300', 2000],
      [301, 'br301', 2001],
    ]);
    const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [nets[0].subnetId] }));
    expect(Subnets![0].AvailableIpAddressCount).toBe(128 - 3 - 1 - 5);
  });

  it('bounds num_networks + vlan_start by 4094, checked before the range, and refuses a VLAN in use', async () => {
    const bound = 'The sum between the number of networks and the vlan start cannot be greater than 4094';
    await expectCreateError(t, { label: 'x', cidr: '10.0.0.0/24', numNetworks: 2, networkSize: 128, vlanStart: 4093 }, bound);
    // Both wrong: the VLAN bound is reported first.
    await expectCreateError(t, { label: 'x', cidr: '10.0.0.0/24', numNetworks: 3, networkSize: 128, vlanStart: 4093 }, bound);
    await expectCreateError(t, { label: 'x', cidr: '10.0.0.0/24', numNetworks: 3, networkSize: 128 }, 'The network range is not big enough to fit 3. Network size is 128');
    const [top] = await createNetworks(t, { label: 'top', cidr: '10.0.0.0/24', vlanStart: 4093 });
    expect(top.vlan).toBe(4093);
    await createNetworks(t, { label: 'a', cidr: '10.1.0.0/24' });
    await expectCreateError(t, { label: 'b', cidr: '10.2.0.0/24' }, 'Detected existing vlan with id 100');
  });
});
