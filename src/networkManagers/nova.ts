/**
 * nova-network's Flat, FlatDHCP and VLAN managers (Diablo `nova/network/manager.py`; docs/behavior.md "Launches in
 * nova regions" and "Network hosts and claims") on top of the shared EC2 rules:
 *
 *  - which networks a launch gets (`_get_networks_for_instance`): Flat/FlatDHCP every network without a VLAN,
 *    VLAN the project's (= the account's) networks; one interface per network at device indexes 0..n-1, each
 *    with the first free fixed IP of its network (or RunInstances' PrivateIpAddress for the first one) and a
 *    02:16:3e MAC. The launch creates them in its transaction: a failure anywhere rolls everything back.
 *  - after the launch (`RPCAllocateFixedIP._allocate_fixed_ips`), each FlatDHCP/VLAN network of the instance is
 *    served by a host: a multi-host network by the compute host; any other by its `host`, which the first
 *    allocation claims for a network host with a compare-and-set (`set_network_host`). The serving host then sets
 *    the network up (`_setup_network`): VLAN records the VPN public address, a multi-host network takes a dhcp
 *    address for the host from its pool, and the bridge/VLAN device gets a MAC.
 *  - FlatManager never involves a network host (nova configures nothing for it).
 *
 * Deallocation needs nothing extra: termination deletes the launch-created (delete-on-termination) interfaces,
 * which returns their fixed IPs and MACs; the renders read the live state, so the VIFs drop out of them.
 */
import type { RequestContext, Services } from '../core/context';
import { newMacAddress } from '../domain/addressing';
import { createInterface } from '../domain/networkInterfaces';
import { NotFoundErrors } from '../errors';
import type { NovaNetworkRow, NovaSetupRow } from '../store/novaRepo';
import { NovaNetworkError, NovaManagerName } from './create';
import { NOVA, NovaHost, novaHosts } from './flags';
import type { ManagedInterface, NetworkManager } from './manager';

export class NovaNetworking {
  readonly hosts: readonly NovaHost[];

  constructor(private readonly services: Services) {
    this.hosts = novaHosts(services.config);
  }

  get computeHost(): NovaHost {
    return this.hosts.find((h) => h.name === (this.services.config.computeHost || 'compute-1'))!;
  }

  host(name: string): NovaHost | undefined {
    return this.hosts.find((h) => h.name === name);
  }

  /** The hosts that claim networks (the compute host only when no network host is configured). */
  get networkHosts(): NovaHost[] {
    const workers = this.hosts.filter((h) => h.role === 'network');
    return workers.length > 0 ? workers : [this.computeHost];
  }

  /** The manager object the region registry hands out for `name`. */
  manager(name: NovaManagerName): NetworkManager {
    return {
      name,
      defaultInterfaces: (ctx, input) => {
        const networks = ctx.store.nova.ofScope(ctx.scope).filter((n) => (name === 'vlan' ? n.vlan !== null : n.vlan === null));
        if (networks.length === 0) return undefined; // nothing to attach to: the EC2 rules (default subnet) apply
        const groupIds = this.launchGroups(ctx, networks[0], input.SecurityGroupIds, input.SecurityGroups);
        return networks.map((n): ManagedInterface => ({ subnet: ctx.store.subnets.get(ctx.scope, n.subnet_id)!, groupIds }));
      },
      allocated: (ctx, instanceId) => {
        for (const network of ctx.store.nova.ofInstance(instanceId)) this.serve(ctx, network);
      },
    };
  }

  /** SecurityGroupId.N and SecurityGroup.N (names, resolved in the nova VPC) together; undefined = the default. */
  private launchGroups(ctx: RequestContext, first: NovaNetworkRow, ids?: string[], names?: string[]): string[] | undefined {
    if (!names || names.length === 0) return ids;
    const vpcId = ctx.store.subnets.get(ctx.scope, first.subnet_id)!.vpc_id;
    const byName = names.map((name) => {
      const g = ctx.store.securityGroups.byName(vpcId, name);
      if (!g) throw NotFoundErrors.securityGroupInVpc(name, vpcId);
      return g.id;
    });
    return [...(ids ?? []), ...byName];
  }

  /** Makes sure a host serves the network (claiming one if needed) and has set it up; flat networks have none. */
  serve(ctx: RequestContext, network: NovaNetworkRow): NovaSetupRow | undefined {
    if (network.manager === 'flat') return undefined;
    const host = network.multi_host === 1 ? this.computeHost.name : (network.host ?? this.claim(ctx, network, this.pickHost(ctx)).host);
    return this.setUp(ctx, network, host);
  }

  /** The network host that picks up an unhosted network: the one serving the fewest, in configured order. */
  pickHost(ctx: RequestContext): string {
    const counts = ctx.store.nova.claimCounts();
    let best = this.networkHosts[0];
    for (const h of this.networkHosts) if ((counts.get(h.name) ?? 0) < (counts.get(best.name) ?? 0)) best = h;
    return best.name;
  }

  /**
   * `set_network_host`: the host is set only if the network has none yet (compare-and-set), so whatever the
   * interleaving exactly one claimer wins; the others get the winner. The winner sets the network up.
   */
  claim(ctx: RequestContext, network: NovaNetworkRow, host: string): { host: string; won: boolean } {
    if (!this.host(host)) throw new NovaNetworkError(`unknown network host '${host}' (${this.hosts.map((h) => h.name).join(', ')})`, 404);
    if (network.manager === 'flat') throw new NovaNetworkError(`network ${network.id} is a flat network: nova gives flat networks no network host`);
    if (network.multi_host === 1) throw new NovaNetworkError(`network ${network.id} is multi_host: the compute hosts of its instances serve it`);
    const won = ctx.store.nova.claimHost(network.id, host);
    const winner = won ? host : ctx.store.nova.get(network.id)!.host!;
    if (won) this.setUp(ctx, ctx.store.nova.get(network.id)!, host);
    return { host: winner, won };
  }

  /** `_setup_network` on `host`, once per (network, host). */
  private setUp(ctx: RequestContext, network: NovaNetworkRow, hostName: string): NovaSetupRow {
    const { store } = ctx;
    const existing = store.nova.setup(network.id, hostName);
    if (existing) return existing;
    const host = this.host(hostName) ?? { name: hostName, address: this.computeHost.address, role: 'network' as const };
    if (network.vlan !== null && network.vpn_public_address === null) store.nova.setVpnPublicAddress(network.id, host.address);
    let dhcpServer = network.gateway;
    let dhcpInterface: string | null = null;
    if (network.multi_host === 1) {
      // _get_dhcp_ip: a multi-host network's dhcp server is a fixed IP of the host itself, taken from the pool.
      const subnet = store.subnets.get({ account: network.account, region: network.region }, network.subnet_id)!;
      const eni = createInterface(ctx, {
        subnet,
        groupIds: [],
        addresses: {},
        description: `nova-network dhcp server of ${network.label} on ${host.name}`,
        site: 'interface',
      });
      store.networkInterfaces.update(eni.id, { requester_managed: 1, requester_id: NOVA.binaryName });
      dhcpServer = eni.private_ip;
      dhcpInterface = eni.id;
    }
    const row: NovaSetupRow = {
      network_id: network.id,
      host: host.name,
      dhcp_server: dhcpServer,
      dhcp_interface_id: dhcpInterface,
      mac_address: newMacAddress(ctx, NOVA.macPrefix),
      setup_at: ctx.now,
    };
    store.nova.insertSetup(row);
    return row;
  }
}
