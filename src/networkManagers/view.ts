/**
 * What the admin API and the CLI show of nova networks: the networks (nova-manage network list), which host serves
 * which network, and the render input of one host gathered from the store.
 */
import type { Store } from '../store';
import type { NovaNetworkRow, NovaSetupRow } from '../store/novaRepo';
import type { NovaNetworking } from './nova';
import { NOVA } from './flags';
import { RenderInput, RenderNetwork, RenderOptions } from './render';

export function networkView(n: NovaNetworkRow, setups: readonly NovaSetupRow[], vpcId: string | undefined) {
  return {
    id: n.id,
    uuid: n.uuid,
    label: n.label,
    manager: n.manager,
    project: n.account,
    region: n.region,
    cidr: n.cidr,
    netmask: n.netmask,
    gateway: n.gateway,
    broadcast: n.broadcast,
    dhcpStart: n.dhcp_start,
    dns1: n.dns1,
    dns2: n.dns2,
    vlan: n.vlan,
    bridge: n.bridge,
    bridgeInterface: n.bridge_interface,
    vpnPrivateAddress: n.vpn_private_address,
    vpnPublicAddress: n.vpn_public_address,
    vpnPublicPort: n.vpn_public_port,
    multiHost: n.multi_host === 1,
    host: n.host,
    cidrV6: n.cidr_v6,
    gatewayV6: n.gateway_v6,
    netmaskV6: n.netmask_v6,
    subnetId: n.subnet_id,
    vpcId: vpcId ?? null,
    servedBy: setups.filter((s) => s.network_id === n.id).map((s) => ({ host: s.host, dhcpServer: s.dhcp_server, dhcpInterfaceId: s.dhcp_interface_id })),
  };
}

export function networksView(store: Store, filter: { account?: string; region?: string } = {}) {
  const setups = store.nova.setups();
  return store.nova.list(filter).map((n) => networkView(n, setups, store.nova.scopeVpc(n)));
}

const brief = (n: NovaNetworkRow) => ({
  id: n.id,
  label: n.label,
  manager: n.manager,
  project: n.account,
  region: n.region,
  cidr: n.cidr,
  bridge: n.bridge,
  vlan: n.vlan,
  multiHost: n.multi_host === 1,
});

/** Which host serves which network; networks no host serves yet (or ever: flat) are listed apart. */
export function hostsView(store: Store, nova: NovaNetworking) {
  const networks = store.nova.list();
  const setups = store.nova.setups();
  const byId = new Map(networks.map((n) => [n.id, n]));
  return {
    computeHost: nova.computeHost.name,
    hosts: nova.hosts.map((h) => ({
      name: h.name,
      address: h.address,
      role: h.role,
      networks: setups
        .filter((s) => s.host === h.name && byId.has(s.network_id))
        .map((s) => ({ ...brief(byId.get(s.network_id)!), dhcpServer: s.dhcp_server })),
    })),
    unclaimed: networks.filter((n) => !setups.some((s) => s.network_id === n.id)).map((n) => ({ ...brief(n), reason: reason(n) })),
  };
}

function reason(n: NovaNetworkRow): string {
  if (n.manager === 'flat') return 'flat: nova gives flat networks no network host';
  if (n.multi_host === 1) return 'multi_host: set up by the compute host at its first instance';
  return 'no instance yet: the first allocation claims a network host';
}

/** Everything the render of `host` reads, from the live state. */
export function renderInput(store: Store, nova: NovaNetworking, hostName: string, options: RenderOptions): RenderInput | undefined {
  const host = nova.host(hostName);
  if (!host) return undefined;
  const isCompute = host.name === nova.computeHost.name;
  const setups = new Map(store.nova.setupsOfHost(host.name).map((s) => [s.network_id, s]));
  const networks: RenderNetwork[] = [];
  for (const n of store.nova.list()) {
    const setup = setups.get(n.id);
    const flatHere = n.manager === 'flat' && isCompute;
    if (!setup && !flatHere) continue;
    // A multi-host network serves the instances of its own compute host; all instances run on the compute host.
    const onThisHost = n.multi_host === 1 ? isCompute : true;
    const vifs = onThisHost ? store.nova.vifs(n.subnet_id) : [];
    const vpcId = store.nova.scopeVpc(n);
    networks.push({
      network: n,
      setup,
      fixedRange: (vpcId && store.nova.vpcCidr(vpcId)) || n.cidr,
      vifs: vifs.map((v) => ({
        mac: v.mac_address,
        ip: v.private_ip,
        hostname: v.instance_id,
        instanceNumber: v.instance_seq,
        first: v.device_index === 0 && v.network_card_index === 0,
        leaseExpiry: Math.floor(v.launch_time / 1000) + NOVA.dhcpLeaseTime,
      })),
      floating: store.nova.floating(n.subnet_id),
    });
  }
  return { host, options, networks };
}
