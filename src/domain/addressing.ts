/**
 * Address allocation. Private IPv4: one allocator per subnet hands out the lowest free address (the first four
 * and the last are reserved); an explicit address must lie in the subnet, not be reserved and not be in use.
 * Public IPv4 (launch-time public IPs and Elastic IPs) come from one shared pool, 198.18.0.0/15 (a block
 * reserved for benchmarking, so it never collides with a real address).
 * MACs are AWS-style locally administered unicast: `02:` + 5 random bytes, unique for the interface's life.
 */
import type { RequestContext } from '../core/context';
import { AddressingErrors } from '../errors';
import type { SubnetRow } from '../store/rows';
import { intToIp, ipToInt, isIpv4, RESERVED_HIGH, RESERVED_LOW } from './cidr';

type AllocationContext = Pick<RequestContext, 'store' | 'ids' | 'scope'>;

/** Where an address error is reported from: AWS words RunInstances' in-use error differently. */
export type AllocationSite = 'launch' | 'interface';

type Layout = Pick<SubnetRow, 'cidr_base' | 'cidr_size'> & Partial<Pick<SubnetRow, 'reserved_low' | 'reserved_high'>>;

/** The usable addresses [first, end) of a subnet: EC2 reserves 4 low and 1 high; other managers may differ. */
export function subnetRange(subnet: Layout): { first: number; end: number } {
  return {
    first: subnet.cidr_base + (subnet.reserved_low ?? RESERVED_LOW),
    end: subnet.cidr_base + subnet.cidr_size - (subnet.reserved_high ?? RESERVED_HIGH),
  };
}

function usableAddresses(subnet: Layout): number {
  const { first, end } = subnetRange(subnet);
  return Math.max(0, end - first);
}

export function freeCount(subnet: SubnetRow): number {
  return usableAddresses(subnet) - subnet.used_ips;
}

/** Checks an explicit private address for a subnet and returns it as an integer. */
export function checkRequestedIp(ctx: AllocationContext, subnet: SubnetRow, ip: string, site: AllocationSite): number {
  if (!isIpv4(ip)) throw AddressingErrors.malformed(ip);
  const n = ipToInt(ip);
  if (n < subnet.cidr_base || n >= subnet.cidr_base + subnet.cidr_size) throw AddressingErrors.notInSubnet(ip);
  const { first, end } = subnetRange(subnet);
  if (n < first || n >= end) throw AddressingErrors.reserved(ip);
  // an address inside one of the subnet's /28 prefixes is in use too (schema 013)
  if (ctx.store.privateIps.isUsed(subnet.id, n) || ctx.store.ipv4Prefixes.get(subnet.id, n - (n % 16))) {
    throw site === 'launch' ? AddressingErrors.addressInUseAtLaunch(ip) : AddressingErrors.addressInUse();
  }
  return n;
}

/**
 * The lowest free address of the subnet, skipping `exclude` (addresses this request holds but has not written),
 * the subnet's /28 prefixes and its CIDR reservations (never picked for automatic addresses: docs/behavior.md
 * "Subnet CIDR reservations").
 */
export function nextFreeIp(ctx: AllocationContext, subnet: SubnetRow, site: AllocationSite, exclude?: ReadonlySet<number>): number {
  const { first, end } = subnetRange(subnet);
  const hint = ctx.store.privateIps.hint(subnet.id) ?? subnet.alloc_hint; // the hint moves as we allocate
  const reserved = ctx.store.subnetCidrReservations.ofSubnet(subnet.id, 4);
  let from = Math.max(first, hint);
  for (;;) {
    const free = ctx.store.privateIps.lowestFree(subnet.id, from, end);
    if (free === undefined) throw site === 'launch' ? AddressingErrors.subnetFullAtLaunch(subnet.id) : AddressingErrors.subnetFull();
    const block = free - (free % 16);
    const reservation = reserved.find((r) => free >= (r.cidr_base as number) && free < (r.cidr_base as number) + (r.cidr_size as number));
    if (reservation) from = (reservation.cidr_base as number) + (reservation.cidr_size as number);
    else if (ctx.store.ipv4Prefixes.get(subnet.id, block)) from = block + 16;
    else if (!exclude?.has(free)) return free;
    else from = free + 1;
  }
}

/** Attempts at a unique MAC before giving up (nova's create_unique_mac_address_attempts is 5). */
const MAC_ATTEMPTS = 16;

/**
 * A MAC no interface has: the subnet's prefix (`02` for EC2, `02:16:3e` for nova) followed by random bytes;
 * nova keeps the fourth byte below 0x80. Retried on the rare collision.
 */
export function newMacAddress(ctx: AllocationContext, prefix = '02'): string {
  const octets = prefix.split(':').length;
  for (let attempt = 0; attempt < MAC_ATTEMPTS; attempt++) {
    const random = ctx.ids.macSuffix().split(':').slice(0, 6 - octets);
    if (prefix === '02:16:3e') random[0] = (parseInt(random[0], 16) & 0x7f).toString(16).padStart(2, '0');
    const mac = [prefix, ...random].join(':');
    if (!ctx.store.networkInterfaces.macInUse(mac)) return mac;
  }
  throw new Error('could not find a free MAC address');
}

export const PUBLIC_POOL = { base: ipToInt('198.18.0.0'), size: 2 ** 17 };

/** The lowest free public address of the shared pool. */
export function nextPublicIp(ctx: AllocationContext): { ip: string; n: number } {
  const n = ctx.store.addresses.lowestFree(PUBLIC_POOL.base + 1, PUBLIC_POOL.base + PUBLIC_POOL.size - 1);
  if (n === undefined) throw AddressingErrors.publicPoolExhausted();
  return { ip: intToIp(n), n };
}
