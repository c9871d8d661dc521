/**
 * Prefix delegation: IPv4 /28 and IPv6 /80 prefixes owned by an interface (AWS's prefix delegation, the VPC CNI's
 * way of giving pods addresses). An IPv4 prefix is aligned on 16 addresses, lies in the subnet's usable range and
 * never covers an address or another prefix (the table's key and schema 013's triggers make that hold whatever the
 * timing); it takes 16 addresses of the subnet's count. An IPv6 prefix is a /80 of the subnet's /64 holding no
 * interface address. Automatic prefixes come first from the subnet's `prefix` CIDR reservations, then from the
 * lowest free block outside `explicit` reservations. Against the instance type's per-interface limits a prefix
 * counts as one address, as on AWS. See docs/behavior.md "Prefix delegation".
 */
import type { RequestContext } from '../core/context';
import { CidrErrors, NetworkInterfaceErrors, PrefixErrors } from '../errors';
import type { NetworkInterfaceRow, SubnetRow } from '../store/rows';
import { subnetRange } from './addressing';
import { intToIp, parseCidr } from './cidr';
import { canonicalCidr6, type Cidr6, contains6, formatCidr6, overlaps6, parseCidr6, parseIpv6 } from './cidr6';

type Ctx = Pick<RequestContext, 'store'>;

/** What a call asks for: a count or named prefixes. */
export interface PrefixRequest {
  count?: number;
  prefixes?: readonly string[];
}

const IPV4_BLOCK = 16;
const IPV6_PREFIX = 80;

export const prefixCount = (req: PrefixRequest | undefined): number => (req?.count ?? 0) + (req?.prefixes?.length ?? 0);

/** The model's members (`Ipv4Prefixes.N.Ipv4Prefix`, `Ipv4PrefixCount`, the IPv6 pair) as two requests. */
export function prefixRequestsOf(input: {
  Ipv4Prefixes?: ReadonlyArray<{ Ipv4Prefix?: string }>;
  Ipv4PrefixCount?: number;
  Ipv6Prefixes?: ReadonlyArray<{ Ipv6Prefix?: string }>;
  Ipv6PrefixCount?: number;
}): { ipv4: PrefixRequest; ipv6: PrefixRequest } {
  const v4 = (input.Ipv4Prefixes ?? []).map((p) => p.Ipv4Prefix).filter((p): p is string => p !== undefined);
  const v6 = (input.Ipv6Prefixes ?? []).map((p) => p.Ipv6Prefix).filter((p): p is string => p !== undefined);
  if (v4.length > 0 && input.Ipv4PrefixCount !== undefined) throw PrefixErrors.countAndList('IPv4');
  if (v6.length > 0 && input.Ipv6PrefixCount !== undefined) throw PrefixErrors.countAndList('IPv6');
  return { ipv4: { count: input.Ipv4PrefixCount, prefixes: v4 }, ipv6: { count: input.Ipv6PrefixCount, prefixes: v6 } };
}

// ---- subnet CIDR reservations as the allocators see them

/** IPv4 ranges [from, to) of the subnet's reservations of one type. */
export function reservedRanges(ctx: Ctx, subnetId: string, type?: 'prefix' | 'explicit'): Array<{ from: number; to: number }> {
  return ctx.store.subnetCidrReservations
    .ofSubnet(subnetId, 4)
    .filter((r) => type === undefined || r.reservation_type === type)
    .map((r) => ({ from: r.cidr_base as number, to: (r.cidr_base as number) + (r.cidr_size as number) }));
}

const overlapsAny = (ranges: ReadonlyArray<{ from: number; to: number }>, from: number, to: number) =>
  ranges.some((r) => from < r.to && r.from < to);

// ---- IPv4 prefixes

/** Checks named /28s or picks free ones; returns their bases (nothing is written). */
export function planIpv4Prefixes(ctx: Ctx, subnet: SubnetRow, req: PrefixRequest, taken: Set<number> = new Set()): number[] {
  const count = req.count ?? 0;
  const named = req.prefixes ?? [];
  if (count > 0 && named.length > 0) throw PrefixErrors.countAndList('IPv4');
  const { first, end } = subnetRange(subnet);
  const free = (base: number) =>
    base >= first && base + IPV4_BLOCK <= end && !taken.has(base) && !ctx.store.ipv4Prefixes.get(subnet.id, base) && !ctx.store.privateIps.anyIn(subnet.id, base, base + IPV4_BLOCK);
  const out: number[] = [];
  for (const text of named) {
    const c = parseCidr(text, true);
    if (!c) throw PrefixErrors.malformed('ipv4Prefixes', text);
    if (c.prefix !== 28) throw PrefixErrors.length(text, 28);
    if (c.base < subnet.cidr_base || c.base + IPV4_BLOCK > subnet.cidr_base + subnet.cidr_size) throw PrefixErrors.notInSubnet(text, subnet.id);
    if (!free(c.base)) throw PrefixErrors.inUse(text);
    taken.add(c.base);
    out.push(c.base);
  }
  if (count === 0) return out;
  const align = (n: number) => Math.ceil(n / IPV4_BLOCK) * IPV4_BLOCK;
  // the `prefix` reservations first, in the order they were made; then the subnet, outside `explicit` ones
  const sources = [...reservedRanges(ctx, subnet.id, 'prefix'), { from: subnet.cidr_base, to: subnet.cidr_base + subnet.cidr_size }];
  const explicit = reservedRanges(ctx, subnet.id, 'explicit');
  for (const { from, to } of sources) {
    for (let base = align(Math.max(from, first)); base + IPV4_BLOCK <= to && out.length < count; base += IPV4_BLOCK) {
      if (overlapsAny(explicit, base, base + IPV4_BLOCK) || !free(base)) continue;
      taken.add(base);
      out.push(base);
    }
  }
  if (out.length < count) throw PrefixErrors.insufficientCidrBlocks();
  return out;
}

export function recordIpv4Prefixes(ctx: RequestContext, subnetId: string, eniId: string, bases: readonly number[]): void {
  for (const base of bases) {
    ctx.store.ipv4Prefixes.insert({
      subnet_id: subnetId,
      base_int: base,
      prefix: `${intToIp(base)}/28`,
      network_interface_id: eniId,
      account: ctx.scope.account,
      region: ctx.scope.region,
    });
  }
}

/** The instance type's limit of the attached instance, if any. */
function attachedLimits(ctx: RequestContext, eni: NetworkInterfaceRow) {
  const attachment = ctx.store.attachments.ofInterface(eni.id);
  if (!attachment) return undefined;
  const instance = ctx.store.instances.get(ctx.scope, attachment.instance_id)!;
  return ctx.instanceTypes.limits(instance.instance_type);
}

/** Addresses plus prefixes of the interface, as the IPv4 per-interface limit counts them. */
export function ipv4Holdings(ctx: Ctx, eniId: string): number {
  return (ctx.store.privateIps.ofInterfaces([eniId]).get(eniId)?.length ?? 0) + (ctx.store.ipv4Prefixes.ofInterfaces([eniId]).get(eniId)?.length ?? 0);
}

export function ipv6Holdings(ctx: Ctx, eniId: string): number {
  return (ctx.store.ipv6Addresses.ofInterfaces([eniId]).get(eniId)?.length ?? 0) + (ctx.store.ipv6Prefixes.ofInterfaces([eniId]).get(eniId)?.length ?? 0);
}

/** AssignPrivateIpAddresses with prefixes: returns the new prefixes. */
export function assignIpv4Prefixes(ctx: RequestContext, eni: NetworkInterfaceRow, req: PrefixRequest): string[] {
  const limits = attachedLimits(ctx, eni);
  if (limits && ipv4Holdings(ctx, eni.id) + prefixCount(req) > limits.ipv4AddressesPerInterface) throw NetworkInterfaceErrors.privateIpLimit();
  const subnet = ctx.store.subnets.get(ctx.scope, eni.subnet_id)!;
  const bases = planIpv4Prefixes(ctx, subnet, req);
  recordIpv4Prefixes(ctx, subnet.id, eni.id, bases);
  return bases.map((b) => `${intToIp(b)}/28`);
}

/** UnassignPrivateIpAddresses with prefixes: each must be the interface's. */
export function unassignIpv4Prefixes(ctx: RequestContext, eni: NetworkInterfaceRow, prefixes: readonly string[]): string[] {
  const current = ctx.store.ipv4Prefixes.ofInterfaces([eni.id]).get(eni.id) ?? [];
  const doomed = [...new Set(prefixes)].map((text) => {
    const c = parseCidr(text);
    const row = c && c.prefix === 28 ? current.find((r) => r.base_int === c.base) : undefined;
    if (!row) throw PrefixErrors.notAssigned(text, eni.id);
    return row;
  });
  for (const row of doomed) ctx.store.ipv4Prefixes.delete(row.subnet_id, row.base_int);
  return doomed.map((r) => r.prefix);
}

// ---- IPv6 prefixes

const subnetBlock6 = (subnet: SubnetRow): Cidr6 => {
  const block = subnet.ipv6_cidr === null ? undefined : parseCidr6(subnet.ipv6_cidr);
  if (!block) throw CidrErrors.subnetWithoutIpv6(subnet.id);
  return block;
};

/** Indexes of the /80s of the subnet's /64 that hold an interface address. */
function occupied80s(ctx: Ctx, subnet: SubnetRow, block: Cidr6): Set<bigint> {
  const out = new Set<bigint>();
  for (const a of ctx.store.ipv6Addresses.inSubnet(subnet.id)) {
    const n = parseIpv6(a);
    if (n !== undefined) out.add((n - block.base) >> BigInt(128 - IPV6_PREFIX));
  }
  return out;
}

/** Checks named /80s or picks free ones (lowest first, after the /80 the addresses come from). */
export function planIpv6Prefixes(ctx: Ctx, subnet: SubnetRow, req: PrefixRequest, taken: Set<string> = new Set()): string[] {
  const count = req.count ?? 0;
  const named = req.prefixes ?? [];
  if (count > 0 && named.length > 0) throw PrefixErrors.countAndList('IPv6');
  if (count === 0 && named.length === 0) return [];
  const block = subnetBlock6(subnet);
  const withAddresses = occupied80s(ctx, subnet, block);
  const indexOf = (c: Cidr6) => (c.base - block.base) >> BigInt(128 - IPV6_PREFIX);
  const out: string[] = [];
  for (const text of named) {
    const parsed = canonicalCidr6(text, true);
    if (!parsed) throw PrefixErrors.malformed('ipv6Prefixes', text);
    if (parsed.cidr.prefix !== IPV6_PREFIX) throw PrefixErrors.length(text, IPV6_PREFIX);
    if (!contains6(block, parsed.cidr)) throw PrefixErrors.notInSubnet(text, subnet.id);
    if (taken.has(parsed.text) || ctx.store.ipv6Prefixes.get(subnet.id, parsed.text) || withAddresses.has(indexOf(parsed.cidr))) {
      throw PrefixErrors.inUse(text);
    }
    taken.add(parsed.text);
    out.push(parsed.text);
  }
  if (count > 0) {
    const used = new Set(ctx.store.ipv6Prefixes.inSubnet(subnet.id));
    const total = 1n << BigInt(IPV6_PREFIX - block.prefix);
    const reservations = ipv6Reservations(ctx, subnet.id);
    const explicit = reservations.filter((r) => r.type === 'explicit').map((r) => r.cidr);
    // the `prefix` reservations' /80s first, then the subnet's from the second /80 on
    const ranges = reservations
      .filter((r) => r.type === 'prefix' && r.cidr.prefix <= IPV6_PREFIX)
      .map((r) => ({ from: indexOf(r.cidr), to: indexOf(r.cidr) + (1n << BigInt(IPV6_PREFIX - r.cidr.prefix)) }));
    ranges.push({ from: 1n, to: total });
    for (const { from, to } of ranges) {
      for (let k = from; k < to && out.length < count; k++) {
        if (withAddresses.has(k)) continue;
        const cidr = { base: block.base + (k << BigInt(128 - IPV6_PREFIX)), prefix: IPV6_PREFIX };
        const text = formatCidr6(cidr);
        if (used.has(text) || taken.has(text) || explicit.some((e) => overlaps6(e, cidr))) continue;
        taken.add(text);
        out.push(text);
      }
    }
    if (out.length < count) throw PrefixErrors.insufficientCidrBlocks();
  }
  return out;
}

export function recordIpv6Prefixes(ctx: RequestContext, subnetId: string, eniId: string, prefixes: readonly string[]): void {
  for (const prefix of prefixes) {
    ctx.store.ipv6Prefixes.insert({ subnet_id: subnetId, prefix, network_interface_id: eniId, account: ctx.scope.account, region: ctx.scope.region });
  }
}

/** AssignIpv6Addresses with prefixes: returns the new prefixes. */
export function assignIpv6Prefixes(ctx: RequestContext, eni: NetworkInterfaceRow, req: PrefixRequest): string[] {
  const limits = attachedLimits(ctx, eni);
  if (limits && ipv6Holdings(ctx, eni.id) + prefixCount(req) > limits.ipv6AddressesPerInterface) {
    throw PrefixErrors.ipv6Limit(limits.ipv6AddressesPerInterface);
  }
  const subnet = ctx.store.subnets.get(ctx.scope, eni.subnet_id)!;
  const prefixes = planIpv6Prefixes(ctx, subnet, req);
  recordIpv6Prefixes(ctx, subnet.id, eni.id, prefixes);
  return prefixes;
}

export function unassignIpv6Prefixes(ctx: RequestContext, eni: NetworkInterfaceRow, prefixes: readonly string[]): string[] {
  const current = ctx.store.ipv6Prefixes.ofInterfaces([eni.id]).get(eni.id) ?? [];
  const doomed = [...new Set(prefixes)].map((text) => {
    const parsed = canonicalCidr6(text);
    const row = parsed ? current.find((r) => r.prefix === parsed.text) : undefined;
    if (!row) throw PrefixErrors.notAssigned(text, eni.id);
    return row;
  });
  for (const row of doomed) ctx.store.ipv6Prefixes.delete(row.subnet_id, row.prefix);
  return doomed.map((r) => r.prefix);
}

/** The subnet's IPv6 reservations, parsed. */
export function ipv6Reservations(ctx: Ctx, subnetId: string): Array<{ cidr: Cidr6; type: string }> {
  return ctx.store.subnetCidrReservations.ofSubnet(subnetId, 6).map((r) => ({ cidr: parseCidr6(r.cidr)!, type: r.reservation_type }));
}

/** Whether an IPv6 address lies in one of the subnet's /80 prefixes (the address allocator skips those). */
export function ipv6PrefixIndexes(ctx: Pick<RequestContext, 'store'>, subnet: SubnetRow, block: Cidr6): Set<bigint> {
  const out = new Set<bigint>();
  for (const p of ctx.store.ipv6Prefixes.inSubnet(subnet.id)) {
    const c = parseCidr6(p);
    if (c) out.add((c.base - block.base) >> BigInt(128 - IPV6_PREFIX));
  }
  return out;
}

