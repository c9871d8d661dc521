/**
 * Network creation as nova does it (`NetworkManager.create_networks`, `VlanManager.create_networks`, with the
 * defaults `nova-manage network create` fills in): the fixed range is split into `num_networks` blocks of
 * `network_size` addresses; blocks already used by another network are skipped to the next free one; labels are
 * `<label>_<i>` when more than one network is made; gateway .1, dhcp_start .2 (VLAN: .3, with .2 the VPN address),
 * VLAN ids from vlan_start, bridge br<vlan>, VPN public port vpn_start + index; and nova's error texts.
 *
 * Each network becomes a subnet of the scope's nova VPC (one per account and region, in the region's first zone)
 * with nova's reserved addresses (Folsom: network + gateway [+ VPN] at the bottom, broadcast [+ cnt_vpn_clients] at
 * the top) and nova's MAC prefix, so the shared allocator hands out nova's first-free fixed IPs and 02:16:3e MACs.
 */
import type { RequestContext } from '../core/context';
import { Cidr, contains, intToIp, netmask, parseCidr } from '../domain/cidr';
import { associateDefaultAcl } from '../domain/networkAcls';
import { zonesOf } from '../domain/regions';
import { addTags } from '../domain/tags';
import { attachInternetGatewayWithDefaultRoute, createVpc } from '../domain/vpc';
import type { NovaNetworkRow } from '../store/novaRepo';
import { NOVA } from './flags';
import { formatCidr6, nth6, parseCidr6, subnets6 } from './ipv6';
import type { ManagerName } from './manager';

export type NovaManagerName = Exclude<ManagerName, 'vpc'>;

/** A request nova refuses: the admin API answers 400 with the message (nova raises ValueError). */
export class NovaNetworkError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface CreateNetworksRequest {
  label?: string;
  /** fixed_range_v4: the block to split. */
  cidr?: string;
  numNetworks?: number;
  networkSize?: number;
  vlanStart?: number;
  vpnStart?: number;
  bridge?: string;
  bridgeInterface?: string;
  multiHost?: boolean;
  dns1?: string;
  dns2?: string;
  /** fixed_range_v6 and gateway_v6. */
  cidrV6?: string;
  gatewayV6?: string;
  /** VLAN: addresses reserved at the top of each network for VPN clients (nova's cnt_vpn_clients flag). */
  cntVpnClients?: number;
}

/** Our own bound (nova has none): one call makes at most this many networks. */
const MAX_NETWORKS_PER_CALL = 4096;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function positiveInt(name: string, v: number | undefined, min = 1): void {
  if (v !== undefined && (!isInt(v) || v < min)) throw new NovaNetworkError(`${name} must be an integer of at least ${min}, got ${String(v)}`);
}

/** The smallest block holding both. */
function supernet(a: Cidr, b: Cidr): Cidr {
  for (let prefix = Math.min(a.prefix, b.prefix); prefix >= 0; prefix--) {
    const c = parseCidr(`${intToIp(a.base)}/${prefix}`)!;
    if (contains(c, a) && contains(c, b)) return c;
  }
  return parseCidr('0.0.0.0/0')!;
}

const block = (base: number, prefix: number): Cidr => parseCidr(`${intToIp(base)}/${prefix}`)!;
const same = (a: Cidr, b: Cidr) => a.base === b.base && a.prefix === b.prefix;

/**
 * nova's block choice (create_networks, "This replaces the _validate_cidrs call"): a block equal to a used one,
 * or holding a smaller used one, moves to the next block not already chosen (inside the fixed range); a block
 * inside a bigger used one is an error. The list is reordered as nova's is (a moved block goes to the end).
 */
function chooseBlocks(fixed: Cidr, prefix: number, count: number, used: readonly Cidr[]): Cidr[] {
  const size = 2 ** (32 - prefix);
  const chosen: Cidr[] = Array.from({ length: count }, (_, i) => block(fixed.base + i * size, prefix));
  const findNext = (c: Cidr): Cidr | undefined => {
    let base = c.base + size;
    while (chosen.some((x) => x.base === base)) base += size;
    if (base + size > 2 ** 32) return undefined;
    const next = block(base, prefix);
    return contains(fixed, next) ? next : undefined;
  };
  const move = (from: Cidr, to: Cidr) => {
    chosen.splice(chosen.findIndex((x) => same(x, from)), 1);
    chosen.push(to);
  };
  for (const original of [...chosen]) {
    let subnet = original;
    if (used.some((u) => same(u, subnet))) {
      const next = findNext(subnet);
      if (!next) throw new NovaNetworkError('cidr already in use');
      move(subnet, next);
      subnet = next;
    }
    for (const u of used) {
      if (contains(u, subnet)) throw new NovaNetworkError(`requested cidr (${subnet.text}) conflicts with existing supernet (${u.text})`);
      if (contains(subnet, u)) {
        const next = findNext(subnet);
        if (!next) throw new NovaNetworkError(`requested cidr (${subnet.text}) conflicts with existing smaller cidr (${u.text})`);
        move(subnet, next);
        subnet = next;
      }
    }
  }
  return chosen;
}

/** The scope's nova VPC, created on first use; widened when a new network falls outside its block. */
function novaVpc(ctx: RequestContext, fixed: Cidr, blocks: readonly Cidr[]): string {
  const { store, scope } = ctx;
  const existing = store.nova.scopeVpc(scope);
  if (!existing) {
    const cidr = blocks.reduce((acc, b) => (contains(acc, b) ? acc : supernet(acc, b)), fixed);
    const vpcId = createVpc({ store, ids: ctx.ids, scope, now: ctx.now }, { cidr: cidr.text });
    addTags(ctx, vpcId, 'vpc', [{ Key: 'Name', Value: 'nova-network' }]);
    // The network hosts NAT the fixed ranges to the outside (SNAT, floating IPs): an attached internet gateway and
    // a default route say the same in EC2 terms, so Elastic IPs can be associated with nova VIFs.
    const igwId = attachInternetGatewayWithDefaultRoute({ store, ids: ctx.ids, scope, now: ctx.now }, vpcId);
    addTags(ctx, igwId, 'internet-gateway', [{ Key: 'Name', Value: 'nova-network' }]);
    store.nova.setScopeVpc(scope, vpcId);
    return vpcId;
  }
  const current = parseCidr(store.nova.vpcCidr(existing)!)!;
  const wanted = blocks.reduce((acc, b) => (contains(acc, b) ? acc : supernet(acc, b)), current);
  if (!same(wanted, current)) store.nova.widenVpc(existing, current.text, wanted.text);
  return existing;
}

export function createNetworks(ctx: RequestContext, manager: NovaManagerName, req: CreateNetworksRequest): NovaNetworkRow[] {
  const { store, scope } = ctx;
  const vlanMode = manager === 'vlan';
  if (typeof req.label !== 'string' || req.label === '') throw new NovaNetworkError('label is required to create a network.');
  if (typeof req.cidr !== 'string' || req.cidr === '') throw new NovaNetworkError('cidr (fixed_range_v4) is required to create a network.');
  const fixed = parseCidr(req.cidr);
  if (!fixed) throw new NovaNetworkError(`Invalid cidr ${req.cidr}.`);
  positiveInt('num_networks', req.numNetworks);
  if ((req.numNetworks ?? 0) > MAX_NETWORKS_PER_CALL) throw new NovaNetworkError(`num_networks must be at most ${MAX_NETWORKS_PER_CALL}`);
  positiveInt('network_size', req.networkSize, 4);
  positiveInt('vlan_start', req.vlanStart);
  positiveInt('vpn_start', req.vpnStart);
  positiveInt('cnt_vpn_clients', req.cntVpnClients, 0);
  for (const [name, v] of [['bridge', req.bridge], ['bridge_interface', req.bridgeInterface], ['dns1', req.dns1], ['dns2', req.dns2]] as const) {
    if (v !== undefined && (typeof v !== 'string' || !/^[A-Za-z0-9._:-]{1,64}$/.test(v))) throw new NovaNetworkError(`${name} is invalid: ${String(v)}`);
  }
  if (req.multiHost !== undefined && typeof req.multiHost !== 'boolean') throw new NovaNetworkError('multi_host must be true or false');

  // nova-manage's defaults.
  const numNetworks = req.numNetworks ?? NOVA.numNetworks;
  let networkSize = req.networkSize;
  if (networkSize === undefined) {
    const each = Math.floor(fixed.size / numNetworks);
    networkSize = each > NOVA.networkSize ? NOVA.networkSize : Math.max(each, 4);
  }
  const vlanStart = req.vlanStart ?? NOVA.vlanStart;
  const vpnStart = req.vpnStart ?? NOVA.vpnStart;

  // VlanManager.create_networks checks these two first, in this order (the range check applies to every manager).
  if (vlanMode && numNetworks + vlanStart > 4094) {
    throw new NovaNetworkError('The sum between the number of networks and the vlan start cannot be greater than 4094');
  }
  if (fixed.size < numNetworks * networkSize) {
    throw new NovaNetworkError(`The network range is not big enough to fit ${numNetworks}. Network size is ${networkSize}`);
  }

  const subnetBits = Math.ceil(Math.log2(networkSize));
  const prefix = 32 - subnetBits;
  const regionNetworks = store.nova.ofRegion(scope.region);
  const vpcId = store.nova.scopeVpc(scope);
  const used = [
    ...regionNetworks.map((n) => parseCidr(n.cidr)!),
    ...(vpcId ? store.subnets.inVpc(vpcId).filter((s) => !regionNetworks.some((n) => n.subnet_id === s.id)).map((s) => parseCidr(s.cidr)!) : []),
  ];
  const blocks = chooseBlocks(fixed, prefix, numNetworks, used);

  let v6: Array<{ cidr: string; gateway: string; prefix: number }> = [];
  if (req.cidrV6 !== undefined) {
    const fixed6 = typeof req.cidrV6 === 'string' ? parseCidr6(req.cidrV6) : undefined;
    if (!fixed6) throw new NovaNetworkError(`Invalid cidr ${String(req.cidrV6)}.`);
    const prefix6 = 128 - subnetBits;
    v6 = subnets6(fixed6, prefix6, numNetworks).map((c) => ({ cidr: formatCidr6(c), gateway: req.gatewayV6 ?? nth6(c, 1), prefix: prefix6 }));
  }

  if (vlanMode) {
    const taken = new Set(regionNetworks.map((n) => n.vlan).filter((v): v is number => v !== null));
    for (let i = 0; i < blocks.length; i++) if (taken.has(vlanStart + i)) throw new NovaNetworkError(`Detected existing vlan with id ${vlanStart + i}`);
  }

  // Bridges: VLAN networks get br<vlan>; flat ones the named bridge (shared by the whole call, as nova-manage
  // does) or, when none is named, the first br<N> (N >= 100) no network of the region uses yet.
  const bridgesInUse = new Set(regionNetworks.map((n) => n.bridge));
  const nextBridge = () => {
    let n: number = NOVA.firstBridgeNumber;
    while (bridgesInUse.has(`br${n}`)) n++;
    bridgesInUse.add(`br${n}`);
    return `br${n}`;
  };

  const nova = novaVpc(ctx, fixed, blocks);
  const zone = zonesOf(scope.region)[0].name;
  const created: NovaNetworkRow[] = [];
  blocks.forEach((b, index) => {
    const at = (k: number) => intToIp(b.base + k);
    const vlan = vlanMode ? vlanStart + index : null;
    const label = numNetworks > 1 ? `${req.label}_${index}` : (req.label as string);
    const subnetId = ctx.ids.id('subnet');
    store.subnets.insert({
      id: subnetId,
      account: scope.account,
      region: scope.region,
      vpc_id: nova,
      cidr: b.text,
      cidr_base: b.base,
      cidr_size: b.size,
      availability_zone: zone,
      default_for_az: 0,
      map_public_ip_on_launch: 0,
      reserved_low: vlanMode ? 3 : 2,
      reserved_high: 1 + (vlanMode ? (req.cntVpnClients ?? NOVA.cntVpnClients) : 0),
      mac_prefix: NOVA.macPrefix,
    });
    associateDefaultAcl(ctx, subnetId, nova); // every subnet has a network ACL, nova ones too
    addTags(ctx, subnetId, 'subnet', [{ Key: 'Name', Value: label }]);
    const row: Omit<NovaNetworkRow, 'id'> = {
      uuid: ctx.ids.requestId(),
      account: scope.account,
      region: scope.region,
      manager,
      label,
      cidr: b.text,
      cidr_base: b.base,
      cidr_size: b.size,
      netmask: netmask(b.prefix),
      gateway: at(1),
      broadcast: at(b.size - 1),
      dhcp_start: at(vlanMode ? 3 : 2),
      dns1: vlanMode ? null : (req.dns1 ?? NOVA.flatNetworkDns),
      dns2: vlanMode ? null : (req.dns2 ?? null),
      vlan,
      bridge: vlan !== null ? `br${vlan}` : (req.bridge ?? nextBridge()),
      bridge_interface: manager === 'flat' ? (req.bridgeInterface ?? null) : (req.bridgeInterface ?? NOVA.bridgeInterface),
      vpn_private_address: vlanMode ? at(2) : null,
      vpn_public_address: null,
      vpn_public_port: vlanMode ? vpnStart + index : null,
      multi_host: req.multiHost ? 1 : 0,
      host: null,
      cidr_v6: v6[index]?.cidr ?? null,
      gateway_v6: v6[index]?.gateway ?? null,
      netmask_v6: v6[index] ? String(v6[index].prefix) : null,
      injected: 0,
      subnet_id: subnetId,
      created_at: ctx.now,
    };
    created.push(store.nova.get(store.nova.insert(row))!);
  });
  return created;
}
