/**
 * nova-network's flag defaults (Diablo/Folsom `nova/network/manager.py` and `linux_net.py`) that the emulated
 * managers and the host plumbing renders use, and the simulated hosts: the network hosts (workers) from
 * `--network-hosts` and the compute host (`--compute-host`) that serves multi-host networks.
 */
import type { Config } from '../config';
import { ConfigError } from '../config';
import { isIpv4 } from '../domain/cidr';

export const NOVA = {
  vlanStart: 100,
  vpnStart: 1000,
  numNetworks: 1,
  networkSize: 256,
  /** VLAN: addresses reserved above the broadcast address for VPN clients. */
  cntVpnClients: 0,
  flatNetworkDns: '8.8.4.4',
  /** First bridge name tried when a flat/flatdhcp network names none (nova's flat_network_bridge, devstack's br100). */
  firstBridgeNumber: 100,
  /** flat_interface / vlan_interface when the network names no bridge_interface. */
  bridgeInterface: 'eth0',
  dhcpDomain: 'novalocal',
  dhcpLeaseTime: 120,
  networksPath: '/var/lib/nova/networks',
  dhcpbridge: '/usr/bin/nova-dhcpbridge',
  dhcpbridgeFlagfile: '/etc/nova/nova-dhcpbridge.conf',
  dnsmasqConfigFile: '',
  publicInterface: 'eth0',
  dmzCidr: '10.128.0.0/24',
  metadataIp: '169.254.169.254',
  ec2Port: 8773,
  /** The name nova's IptablesManager wraps its chains with (binary name of nova-network). */
  binaryName: 'nova-network',
  /** VIF MACs: nova's 02:16:3e prefix (the shared allocator keeps the 4th byte below 0x80). */
  macPrefix: '02:16:3e',
} as const;

export interface NovaHost {
  name: string;
  /** The host's own address: my_ip, routing_source_ip, vpn_ip and ec2_dmz_host of that host. */
  address: string;
  role: 'network' | 'compute';
}

const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The network hosts of `--network-hosts` ("network-1,network-2" or "a=10.0.9.1,b") then the compute host. */
export function novaHosts(config: Pick<Config, 'networkHosts' | 'computeHost'>): NovaHost[] {
  const hosts: NovaHost[] = [];
  const parts = (config.networkHosts ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  parts.forEach((part, i) => {
    const [name, address] = part.split('=').map((s) => s.trim());
    if (!HOST_NAME.test(name ?? '')) throw new ConfigError(`--network-hosts: '${part}' is not a host name`);
    if (address !== undefined && !isIpv4(address)) throw new ConfigError(`--network-hosts: '${address}' is not an IPv4 address`);
    if (hosts.some((h) => h.name === name)) throw new ConfigError(`--network-hosts: '${name}' is listed twice`);
    hosts.push({ name, address: address ?? `10.111.0.${11 + i}`, role: 'network' });
  });
  const compute = config.computeHost || 'compute-1';
  if (!HOST_NAME.test(compute)) throw new ConfigError(`--compute-host: '${compute}' is not a host name`);
  const existing = hosts.find((h) => h.name === compute);
  if (!existing) hosts.push({ name: compute, address: '10.111.0.10', role: 'compute' });
  return hosts;
}
