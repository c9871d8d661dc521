/**
 * IPv6 addresses of network interfaces: from the subnet's /64, never two alike in a subnet (the table's key),
 * owned by the interface (they go when it is deleted, delete-on-termination included), at most the instance type's
 * `Ipv6AddressesPerInterface` while it is attached. Automatic addresses are the lowest free one after the four AWS
 * reserves at the start of the block, as for IPv4 (docs/decisions.md "Addresses").
 * See docs/behavior.md "IPv6 addresses on interfaces".
 */
import type { RequestContext } from '../core/context';
import { CidrErrors } from '../errors';
import type { Ipv6AddressRow, NetworkInterfaceRow, SubnetRow } from '../store/rows';
import { contains6, formatIpv6, parseCidr6, parseIpv6 } from './cidr6';
import { ipv6Holdings, ipv6PrefixIndexes, ipv6Reservations } from './prefixes';

/** What a call asks for: a count, or named addresses (one may be the primary IPv6). */
export interface Ipv6Request {
  count?: number;
  addresses?: ReadonlyArray<{ address: string; primary?: boolean }>;
  /** EnablePrimaryIpv6 / PrimaryIpv6: the first address becomes the interface's primary IPv6. */
  primary?: boolean;
}

const RESERVED_LOW = 4n;

export const ipv6Requested = (req: Ipv6Request): boolean => (req.count ?? 0) > 0 || (req.addresses?.length ?? 0) > 0;

/**
 * The addresses a request names or the next free ones, checked against the subnet (nothing is written).
 * `taken` holds addresses this request already planned (a launch plans several interfaces in one subnet).
 */
export function planIpv6(ctx: Pick<RequestContext, 'store'>, subnet: SubnetRow, req: Ipv6Request, taken: Set<string> = new Set()): string[] {
  const count = req.count ?? 0;
  const named = req.addresses ?? [];
  if (count > 0 && named.length > 0) throw CidrErrors.ipv6CountAndList();
  if (count === 0 && named.length === 0) return [];
  const block = subnet.ipv6_cidr === null ? undefined : parseCidr6(subnet.ipv6_cidr);
  if (!block) throw CidrErrors.subnetWithoutIpv6(subnet.id);
  const hostBits = BigInt(128 - block.prefix);
  // addresses inside one of the subnet's /80 prefixes are taken (docs/behavior.md "Prefix delegation")
  const prefixed = ipv6PrefixIndexes(ctx, subnet, block);
  const inPrefix = (n: bigint) => prefixed.size > 0 && prefixed.has((n - block.base) >> 48n);
  const out: string[] = [];
  for (const { address } of named) {
    const n = parseIpv6(address);
    if (n === undefined) throw CidrErrors.ipv6Malformed(address);
    if (n >> hostBits !== block.base >> hostBits) throw CidrErrors.ipv6NotInSubnet(address, subnet.id);
    const text = formatIpv6(n);
    if (taken.has(text) || ctx.store.ipv6Addresses.get(subnet.id, text) || inPrefix(n)) throw CidrErrors.ipv6InUse(text);
    taken.add(text);
    out.push(text);
  }
  if (count > 0) {
    const used = new Set(ctx.store.ipv6Addresses.inSubnet(subnet.id));
    // no subnet CIDR reservation is picked for an automatic address
    const reserved = ipv6Reservations(ctx, subnet.id).map((r) => r.cidr);
    const last = block.base + (1n << hostBits) - 1n; // AWS also reserves the last address
    for (let n = block.base + RESERVED_LOW; out.length < count; n++) {
      if (n >= last) throw CidrErrors.ipv6SubnetFull();
      const text = formatIpv6(n);
      const inReservation = reserved.find((r) => contains6(r, { base: n, prefix: 128 }));
      if (inReservation) {
        n = inReservation.base + (1n << BigInt(128 - inReservation.prefix)) - 1n; // past the whole block
        continue;
      }
      if (inPrefix(n)) {
        n = block.base + ((((n - block.base) >> 48n) + 1n) << 48n) - 1n; // past the delegated /80
        continue;
      }
      if (used.has(text) || taken.has(text)) continue;
      taken.add(text);
      out.push(text);
    }
  }
  return out;
}

/** Writes planned addresses; the first is the primary IPv6 when asked (and the interface has none yet). */
export function recordIpv6(ctx: RequestContext, subnetId: string, eniId: string, addresses: readonly string[], primaryFirst: boolean): void {
  addresses.forEach((address, i) =>
    ctx.store.ipv6Addresses.insert({
      subnet_id: subnetId,
      address,
      network_interface_id: eniId,
      is_primary: primaryFirst && i === 0 ? 1 : 0,
      account: ctx.scope.account,
      region: ctx.scope.region,
    }),
  );
}

/** How many addresses a request adds, before they are planned (for the instance type's limit). */
export const ipv6RequestCount = (req: Ipv6Request): number => (req.count ?? 0) + (req.addresses?.length ?? 0);

/** The instance type's limit, when the interface is attached (AWS checks it against the instance's type). */
function checkLimit(ctx: RequestContext, eni: NetworkInterfaceRow, total: number): void {
  const attachment = ctx.store.attachments.ofInterface(eni.id);
  if (!attachment) return;
  const instance = ctx.store.instances.get(ctx.scope, attachment.instance_id)!;
  const max = ctx.instanceTypes.limits(instance.instance_type).ipv6AddressesPerInterface;
  if (total > max) throw CidrErrors.ipv6Limit(max);
}

/** AssignIpv6Addresses: returns the addresses added. */
export function assignIpv6(ctx: RequestContext, eni: NetworkInterfaceRow, req: Ipv6Request): string[] {
  const subnet = ctx.store.subnets.get(ctx.scope, eni.subnet_id)!;
  // a prefix counts as one address against the limit
  checkLimit(ctx, eni, ipv6Holdings(ctx, eni.id) + ipv6RequestCount(req));
  const planned = planIpv6(ctx, subnet, req);
  recordIpv6(ctx, subnet.id, eni.id, planned, false);
  return planned;
}

/** UnassignIpv6Addresses: every named address must be the interface's. Returns them as stored. */
export function unassignIpv6(ctx: RequestContext, eni: NetworkInterfaceRow, addresses: readonly string[]): string[] {
  const current = ctx.store.ipv6Addresses.ofInterfaces([eni.id]).get(eni.id) ?? [];
  const doomed: Ipv6AddressRow[] = [];
  for (const address of new Set(addresses)) {
    const n = parseIpv6(address);
    const row = n === undefined ? undefined : current.find((r) => r.address === formatIpv6(n));
    if (!row) throw CidrErrors.ipv6NotAssigned(address, eni.id);
    doomed.push(row);
  }
  for (const row of doomed) ctx.store.ipv6Addresses.delete(row.subnet_id, row.address);
  return doomed.map((r) => r.address);
}

/** A new interface in a subnet with AssignIpv6AddressOnCreation gets one address when the call asked for none. */
export function defaultIpv6Request(subnet: SubnetRow, req: Ipv6Request): Ipv6Request {
  return !ipv6Requested(req) && subnet.assign_ipv6_on_creation === 1 && subnet.ipv6_cidr !== null ? { ...req, count: 1 } : req;
}

/** The model's IPv6 members (CreateNetworkInterface, RunInstances and its interface specs) as one request. */
export function ipv6RequestOf(input: {
  Ipv6AddressCount?: number;
  Ipv6Addresses?: ReadonlyArray<{ Ipv6Address?: string; IsPrimaryIpv6?: boolean }>;
  EnablePrimaryIpv6?: boolean;
  PrimaryIpv6?: boolean;
}): Ipv6Request {
  const listed = (input.Ipv6Addresses ?? [])
    .filter((a) => a.Ipv6Address !== undefined)
    .map((a) => ({ address: a.Ipv6Address as string, primary: a.IsPrimaryIpv6 === true }));
  // the primary IPv6 is written first
  const addresses = [...listed.filter((a) => a.primary), ...listed.filter((a) => !a.primary)];
  const primary = input.EnablePrimaryIpv6 === true || input.PrimaryIpv6 === true || listed.some((a) => a.primary);
  return { count: input.Ipv6AddressCount, addresses, primary };
}
