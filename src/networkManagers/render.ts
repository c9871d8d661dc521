/**
 * Host plumbing renders: the files and commands a nova network host would apply for the networks it serves
 * (Diablo/Essex `nova/network/linux_net.py`, LinuxBridgeInterfaceDriver), as text. Nothing is ever executed.
 * Pure and deterministic: the same state gives byte-identical files.
 *
 *   commands.sh                     init_host, per network: VLAN/bridge plumbing, gateway address, dnsmasq, radvd;
 *                                   floating IP bindings
 *   iptables.rules                  nova's tables in iptables-save form (wrapped nova-network-* chains): bridge
 *                                   forwards, dnsmasq accepts, SNAT, metadata DNAT, cloudpipe, floating IPs
 *   networks/nova-<dev>.conf        dnsmasq --dhcp-hostsfile: `<mac>,<hostname>.novalocal,<ip>[,net:NW-…]`
 *   networks/nova-<dev>.opts        with use_single_default_gateway: `NW-i%08d-<network id>,3` for non-first VIFs
 *   networks/nova-<dev>.leases      the lease lines dhcpbridge would report: `<expiry> <mac> <ip> <hostname> *`
 *   networks/nova-ra-<dev>.conf     radvd, for networks with an IPv6 block
 *   manifest.json                   what was rendered (host, networks, files)
 */
import type { NovaFloatingRow, NovaNetworkRow, NovaSetupRow } from '../store/novaRepo';
import { NOVA, NovaHost } from './flags';
import type { RenderedFile } from './manager';

export interface RenderOptions {
  /** nova's use_single_default_gateway: only each instance's first VIF gets a router from DHCP. */
  singleDefaultGateway?: boolean;
  /** nova's dns_server: dnsmasq forwards to it (`-h -R --server=`). */
  dnsServer?: string;
}

interface RenderVif {
  mac: string;
  ip: string;
  hostname: string;
  /** nova's integer instance id (NW-i%08d-…). */
  instanceNumber: number;
  /** Device index 0 of network card 0: the VIF that keeps the default gateway. */
  first: boolean;
  /** Seconds since the epoch the lease runs out (instance time + dhcp_lease_time). */
  leaseExpiry: number;
}

export interface RenderNetwork {
  network: NovaNetworkRow;
  /** This host's setup of the network (absent for flat networks, which nova never sets up). */
  setup?: NovaSetupRow;
  /** nova's fixed_range for the SNAT rules: the block of the scope's nova VPC. */
  fixedRange: string;
  vifs: RenderVif[];
  floating: NovaFloatingRow[];
}

export interface RenderInput {
  host: NovaHost;
  options: RenderOptions;
  networks: RenderNetwork[];
}

const dhcpFile = (dev: string, kind: string) => `${NOVA.networksPath}/nova-${dev}.${kind}`;
const raFile = (dev: string, kind: string) => `${NOVA.networksPath}/nova-ra-${dev}.${kind}`;
const tag = (vif: RenderVif, networkId: number) => `NW-i${String(vif.instanceNumber).padStart(8, '0')}-${networkId}`;
const lines = (xs: readonly string[]) => (xs.length === 0 ? '' : `${xs.join('\n')}\n`);
const prefixOf = (cidr: string) => cidr.split('/')[1];

/** nova's IptablesManager, reduced to what a render needs: wrapped chains, rules in the order they are added. */
class Iptables {
  private readonly tables = {
    filter: { chains: new Set<string>(), unwrapped: new Set<string>(), rules: [] as string[] },
    nat: { chains: new Set<string>(), unwrapped: new Set<string>(), rules: [] as string[] },
  };

  constructor() {
    const filter = this.tables.filter;
    filter.unwrapped.add('nova-filter-top');
    this.add('filter', 'FORWARD', '-j nova-filter-top', false);
    this.add('filter', 'OUTPUT', '-j nova-filter-top', false);
    filter.chains.add('local');
    this.add('filter', 'nova-filter-top', `-j ${NOVA.binaryName}-local`, false);
    for (const chain of ['INPUT', 'OUTPUT', 'FORWARD']) {
      filter.chains.add(chain);
      this.add('filter', chain, `-j ${NOVA.binaryName}-${chain}`, false);
    }
    const nat = this.tables.nat;
    for (const chain of ['PREROUTING', 'OUTPUT', 'POSTROUTING']) {
      nat.chains.add(chain);
      this.add('nat', chain, `-j ${NOVA.binaryName}-${chain}`, false);
    }
    nat.unwrapped.add('nova-postrouting-bottom');
    this.add('nat', 'POSTROUTING', '-j nova-postrouting-bottom', false);
    nat.chains.add('snat');
    this.add('nat', 'nova-postrouting-bottom', `-j ${NOVA.binaryName}-snat`, false);
    nat.chains.add('floating-snat');
    this.add('nat', 'snat', `-j ${NOVA.binaryName}-floating-snat`);
  }

  /** `-A <chain> <rule>`, the chain wrapped as nova-network-<chain> unless `wrap` is false; duplicates dropped. */
  add(table: 'filter' | 'nat', chain: string, rule: string, wrap = true): void {
    const line = `-A ${wrap ? `${NOVA.binaryName}-${chain}` : chain} ${rule}`;
    if (!this.tables[table].rules.includes(line)) this.tables[table].rules.push(line);
  }

  render(): string {
    const out: string[] = [];
    for (const name of ['filter', 'nat'] as const) {
      const t = this.tables[name];
      out.push(`*${name}`);
      for (const c of [...t.chains].sort()) out.push(`:${NOVA.binaryName}-${c} - [0:0]`);
      for (const c of [...t.unwrapped].sort()) out.push(`:${c} - [0:0]`);
      out.push(...t.rules, 'COMMIT');
    }
    return lines(out);
  }
}

function dnsmasqCommand(dev: string, nets: readonly RenderNetwork[], options: RenderOptions): string {
  const first = nets[0].network;
  const cmd = [
    `FLAGFILE=${NOVA.dhcpbridgeFlagfile}`,
    `NETWORK_ID=${first.id}`,
    'dnsmasq',
    '--strict-order',
    '--bind-interfaces',
    `--conf-file=${NOVA.dnsmasqConfigFile}`,
    `--domain=${NOVA.dhcpDomain}`,
    `--pid-file=${dhcpFile(dev, 'pid')}`,
    ...nets.map((n) => `--listen-address=${n.setup!.dhcp_server}`),
    '--except-interface=lo',
    ...nets.map((n) => `--dhcp-range=${n.network.dhcp_start},static,${NOVA.dhcpLeaseTime}s`),
    `--dhcp-lease-max=${nets.reduce((sum, n) => sum + n.network.cidr_size, 0)}`,
    `--dhcp-hostsfile=${dhcpFile(dev, 'conf')}`,
    `--dhcp-script=${NOVA.dhcpbridge}`,
    '--leasefile-ro',
  ];
  if (options.dnsServer) cmd.push('-h', '-R', `--server=${options.dnsServer}`);
  if (options.singleDefaultGateway) cmd.push(`--dhcp-optsfile=${dhcpFile(dev, 'opts')}`);
  return cmd.join(' ');
}

function radvdConf(dev: string, cidrV6: string): string {
  return `
interface ${dev}
{
   AdvSendAdvert on;
   MinRtrAdvInterval 3;
   MaxRtrAdvInterval 10;
   prefix ${cidrV6}
   {
        AdvOnLink on;
        AdvAutonomous on;
   };
};
`;
}

function describe(n: NovaNetworkRow): string {
  const kind = n.vlan !== null ? `vlan ${n.vlan}` : n.manager;
  return `network ${n.id} '${n.label}' ${n.cidr} (${kind}${n.multi_host ? ', multi_host' : ''})`;
}

/** What a render accumulates: the script's lines, nova's iptables tables, and the files beside them. */
interface RenderOutput {
  sh: string[];
  ipt: Iptables;
  files: RenderedFile[];
}

/**
 * The render of one host, in linux_net's order: init_host, then per device (bridge) the network set-up, DHCP and
 * router advertisements, then floating IPs, metadata forward and the tables; flat networks only get a note.
 */
export function renderHost(input: RenderInput): RenderedFile[] {
  const { host, options } = input;
  const served = input.networks.filter((n) => n.network.manager !== 'flat' && n.setup);
  const flat = input.networks.filter((n) => n.network.manager === 'flat');
  const out: RenderOutput = {
    sh: [
      '#!/bin/sh',
      `# Host plumbing of nova network host ${host.name} (${host.address}), rendered by ec2lite. Never executed.`,
      '# Run as root in order; iptables.rules holds the tables nova-network would restore.',
    ],
    ipt: new Iptables(),
    files: [],
  };
  // init_host's NAT and metadata rules go with the networks a host serves (a host serving none renders nothing).
  const runsNovaNetwork = served.length > 0;
  if (runsNovaNetwork) initHost(out, host, served);
  for (const [dev, nets] of byDevice(served)) {
    for (const n of nets) setupNetwork(out, host, dev, nets, n);
    updateDhcp(out, dev, nets, options);
    updateRa(out, dev, nets);
  }
  floatingIps(out, served);
  if (runsNovaNetwork) metadataForwardAndTables(out, host);
  flatNetworks(out, flat);
  if (served.length === 0 && flat.length === 0) out.sh.push('', `# ${host.name} serves no network`);

  const files = [{ path: 'commands.sh', content: lines(out.sh) }, ...out.files];
  return [...files, manifest(input, files)];
}

/** init_host: SNAT for the fixed ranges, the metadata address. */
function initHost(out: RenderOutput, host: NovaHost, served: readonly RenderNetwork[]): void {
  out.sh.push('', '# init_host: NAT for the fixed ranges (iptables.rules), the metadata address on lo');
  for (const range of [...new Set(served.map((n) => n.fixedRange))].sort()) {
    out.ipt.add('nat', 'snat', `-s ${range} -j SNAT --to-source ${host.address}`);
    out.ipt.add('nat', 'POSTROUTING', `-s ${range} -d ${NOVA.dmzCidr} -j ACCEPT`);
    out.ipt.add('nat', 'POSTROUTING', `-s ${range} -d ${range} -j ACCEPT`);
  }
  out.sh.push(`ip addr add ${NOVA.metadataIp}/32 scope link dev lo`);
}

/** The served networks by device (bridge), in network id order: one dnsmasq per device. */
function byDevice(served: readonly RenderNetwork[]): Map<string, RenderNetwork[]> {
  const devices = new Map<string, RenderNetwork[]>();
  for (const n of [...served].sort((a, b) => a.network.id - b.network.id)) {
    const list = devices.get(n.network.bridge) ?? [];
    list.push(n);
    devices.set(n.network.bridge, list);
  }
  return devices;
}

/** _setup_network: the bridge (once per device, with its VLAN), the gateway address, cloudpipe's forward. */
function setupNetwork(out: RenderOutput, host: NovaHost, dev: string, nets: readonly RenderNetwork[], { network: net, setup }: RenderNetwork): void {
  const { sh, ipt } = out;
  const iface = net.bridge_interface;
  const owner = nets[0].network.id;
  sh.push('', `# ${describe(net)}: bridge ${dev}${iface ? ` on ${iface}` : ''}, dhcp server ${setup!.dhcp_server}`);
  if (owner !== net.id) sh.push(`# (bridge ${dev} is shared with network ${owner}: set up once)`);
  else plumbBridge(out, dev, net, setup!);
  // initialize_gateway_device: the dhcp server address is the bridge's first address.
  sh.push(`ip addr add ${setup!.dhcp_server}/${prefixOf(net.cidr)} brd ${net.broadcast} dev ${dev}`);
  if (net.cidr_v6) sh.push(`ip -f inet6 addr change ${net.cidr_v6} dev ${dev}`);
  if (net.vlan !== null && net.vpn_public_address === host.address && net.vpn_private_address) {
    // ensure_vpn_forward: cloudpipe's public port to the VPN address .2:1194/udp.
    ipt.add('filter', 'FORWARD', `-d ${net.vpn_private_address} -p udp --dport 1194 -j ACCEPT`);
    for (const chain of ['PREROUTING', 'OUTPUT']) {
      ipt.add('nat', chain, `-d ${net.vpn_public_address} -p udp --dport ${net.vpn_public_port} -j DNAT --to ${net.vpn_private_address}:1194`);
    }
  }
}

/** ensure_vlan_bridge / ensure_bridge: the VLAN device (vlan mode), the bridge, its port and forward rules. */
function plumbBridge(out: RenderOutput, dev: string, net: NovaNetworkRow, setup: NovaSetupRow): void {
  const { sh, ipt } = out;
  let port = net.bridge_interface;
  if (net.vlan !== null) {
    port = `vlan${net.vlan}`;
    sh.push(
      'vconfig set_name_type VLAN_PLUS_VID_NO_PAD',
      `vconfig add ${net.bridge_interface} ${net.vlan}`,
      `ip link set ${port} address ${setup.mac_address}`,
      `ip link set ${port} up`,
    );
  }
  sh.push(`brctl addbr ${dev}`, `brctl setfd ${dev} 0`, `brctl stp ${dev} off`, `ip link set ${dev} up`);
  if (port) sh.push(`brctl addif ${dev} ${port}`, `# (addresses and the default route of ${port}, if any, move to ${dev})`);
  ipt.add('filter', 'FORWARD', `--in-interface ${dev} -j ACCEPT`);
  ipt.add('filter', 'FORWARD', `--out-interface ${dev} -j ACCEPT`);
}

/** update_dhcp: hosts file (and opts file), then dnsmasq and its accepts; the lease lines dhcpbridge reports. */
function updateDhcp(out: RenderOutput, dev: string, nets: readonly RenderNetwork[], options: RenderOptions): void {
  const hosts: string[] = [];
  const opts: string[] = [];
  const leases: string[] = [];
  for (const { network: net, vifs } of nets) {
    for (const vif of vifs) {
      const base = `${vif.mac},${vif.hostname}.${NOVA.dhcpDomain},${vif.ip}`;
      hosts.push(options.singleDefaultGateway ? `${base},net:${tag(vif, net.id)}` : base);
      if (options.singleDefaultGateway && !vif.first) opts.push(`${tag(vif, net.id)},3`);
      leases.push(`${vif.leaseExpiry} ${vif.mac} ${vif.ip} ${vif.hostname} *`);
    }
  }
  out.files.push({ path: `networks/nova-${dev}.conf`, content: lines(hosts) });
  if (options.singleDefaultGateway) out.files.push({ path: `networks/nova-${dev}.opts`, content: lines(opts) });
  out.files.push({ path: `networks/nova-${dev}.leases`, content: lines(leases) });
  out.sh.push(dnsmasqCommand(dev, nets, options));
  for (const port of [67, 53]) {
    for (const proto of ['udp', 'tcp']) out.ipt.add('filter', 'INPUT', `-i ${dev} -p ${proto} -m ${proto} --dport ${port} -j ACCEPT`);
  }
}

/** update_ra: radvd for a device with an IPv6 network. */
function updateRa(out: RenderOutput, dev: string, nets: readonly RenderNetwork[]): void {
  const v6 = nets.find((n) => n.network.cidr_v6)?.network.cidr_v6;
  if (!v6) return;
  out.files.push({ path: `networks/nova-ra-${dev}.conf`, content: radvdConf(dev, v6) });
  out.sh.push(`radvd -C ${raFile(dev, 'conf')} -p ${raFile(dev, 'pid')}`);
}

/** init_host_floating_ips: Elastic IPs associated with the served networks' VIFs. */
function floatingIps(out: RenderOutput, served: readonly RenderNetwork[]): void {
  const floating = served.flatMap((n) => n.floating).sort((a, b) => a.public_ip_int - b.public_ip_int);
  if (floating.length > 0) out.sh.push('', '# floating IPs (Elastic IPs on these networks)');
  for (const f of floating) {
    out.sh.push(`ip addr add ${f.public_ip} dev ${NOVA.publicInterface}`);
    out.ipt.add('nat', 'PREROUTING', `-d ${f.public_ip} -j DNAT --to ${f.private_ip}`);
    out.ipt.add('nat', 'OUTPUT', `-d ${f.public_ip} -j DNAT --to ${f.private_ip}`);
    out.ipt.add('nat', 'floating-snat', `-s ${f.private_ip} -j SNAT --to ${f.public_ip}`);
  }
}

/** metadata_forward, then the tables themselves (iptables.rules) and the command that applies them. */
function metadataForwardAndTables(out: RenderOutput, host: NovaHost): void {
  out.ipt.add('nat', 'PREROUTING', `-s 0.0.0.0/0 -d ${NOVA.metadataIp}/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination ${host.address}:${NOVA.ec2Port}`);
  out.sh.push('', '# apply the tables (nova: iptables-save, merge, iptables-restore)', 'iptables-restore --noflush < iptables.rules');
  out.files.push({ path: 'iptables.rules', content: out.ipt.render() });
}

/** FlatManager configures nothing: the bridges must already exist on every compute host. */
function flatNetworks(out: RenderOutput, flat: readonly RenderNetwork[]): void {
  for (const { network: net, vifs } of flat) {
    out.sh.push('', `# ${describe(net)}: nova configures nothing on the host; bridge ${net.bridge} must already exist (${vifs.length} VIF${vifs.length === 1 ? '' : 's'})`);
  }
}

/** manifest.json: the host, its options, every network it was given and the files rendered before it. */
function manifest(input: RenderInput, files: readonly RenderedFile[]): RenderedFile {
  const { host, options } = input;
  const content = {
    host: host.name,
    address: host.address,
    role: host.role,
    options: { singleDefaultGateway: options.singleDefaultGateway === true, dnsServer: options.dnsServer ?? null },
    networks: input.networks
      .map(({ network: n, setup, vifs }) => ({
        id: n.id,
        label: n.label,
        manager: n.manager,
        cidr: n.cidr,
        bridge: n.bridge,
        vlan: n.vlan,
        multiHost: n.multi_host === 1,
        dhcpServer: setup?.dhcp_server ?? null,
        vifs: vifs.length,
      }))
      .sort((a, b) => a.id - b.id),
    files: files.map((f) => f.path),
  };
  return { path: 'manifest.json', content: `${JSON.stringify(content, null, 2)}\n` };
}
