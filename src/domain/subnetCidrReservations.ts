/**
 * Subnet CIDR reservations (docs/behavior.md "Subnet CIDR reservations"): a block of a subnet's IPv4 or IPv6 range
 * set aside. `prefix` ones are where automatic prefixes come from first; no reservation is ever picked for an
 * automatic address, and `explicit` ones never for an automatic prefix either (src/domain/prefixes.ts and the
 * allocators read them). Reservations of one subnet and family never overlap; they go with their subnet.
 */
import type { RequestContext } from '../core/context';
import { PrefixErrors } from '../errors';
import type { ListOptions } from '../store/query';
import type { SubnetCidrReservationRow } from '../store/rows';
import { parseCidr } from './cidr';
import { canonicalCidr6, contains6, overlaps6, parseCidr6 } from './cidr6';
import { requireSubnet } from './subnets';

const TYPES = new Set(['prefix', 'explicit']);

interface NewReservation {
  subnetId: string;
  cidr: string;
  reservationType: string;
  description?: string;
}

export function createSubnetCidrReservation(ctx: RequestContext, spec: NewReservation): SubnetCidrReservationRow {
  const subnet = requireSubnet(ctx, spec.subnetId);
  if (!TYPES.has(spec.reservationType)) throw PrefixErrors.reservationType(spec.reservationType);
  const existing = ctx.store.subnetCidrReservations.ofSubnet(subnet.id);
  let row: Omit<SubnetCidrReservationRow, 'seq' | 'id'>;
  const common = { subnet_id: subnet.id, account: ctx.scope.account, region: ctx.scope.region, reservation_type: spec.reservationType, description: spec.description ?? null };
  if (spec.cidr.includes(':')) {
    const parsed = canonicalCidr6(spec.cidr, true);
    if (!parsed) throw PrefixErrors.reservationCidr(spec.cidr);
    const block = subnet.ipv6_cidr === null ? undefined : parseCidr6(subnet.ipv6_cidr);
    if (!block || !contains6(block, parsed.cidr)) throw PrefixErrors.reservationRange(spec.cidr, subnet.id);
    for (const r of existing.filter((x) => x.family === 6)) {
      if (overlaps6(parseCidr6(r.cidr)!, parsed.cidr)) throw PrefixErrors.reservationOverlap(spec.cidr);
    }
    row = { ...common, family: 6, cidr: parsed.text, cidr_base: null, cidr_size: null };
  } else {
    const c = parseCidr(spec.cidr, true);
    if (!c) throw PrefixErrors.reservationCidr(spec.cidr);
    if (subnet.cidr_size === 0 || c.base < subnet.cidr_base || c.base + c.size > subnet.cidr_base + subnet.cidr_size) {
      throw PrefixErrors.reservationRange(spec.cidr, subnet.id);
    }
    for (const r of existing.filter((x) => x.family === 4)) {
      if (c.base < (r.cidr_base as number) + (r.cidr_size as number) && (r.cidr_base as number) < c.base + c.size) throw PrefixErrors.reservationOverlap(spec.cidr);
    }
    row = { ...common, family: 4, cidr: c.text, cidr_base: c.base, cidr_size: c.size };
  }
  const id = ctx.ids.id('scr');
  ctx.store.subnetCidrReservations.insert({ id, ...row });
  return ctx.store.subnetCidrReservations.get(ctx.scope, id)!;
}

export function requireSubnetCidrReservation(ctx: RequestContext, id: string): SubnetCidrReservationRow {
  if (!/^scr-[0-9a-f]+$/.test(id)) throw PrefixErrors.reservationMalformed(id);
  const row = ctx.store.subnetCidrReservations.get(ctx.scope, id);
  if (!row) throw PrefixErrors.reservationNotFound(id);
  return row;
}

/** Addresses and prefixes already taken from the block stay where they are; its tags go with it. */
export function deleteSubnetCidrReservation(ctx: RequestContext, row: SubnetCidrReservationRow): void {
  ctx.store.subnetCidrReservations.delete(row.id);
}

/** GetSubnetCidrReservations: the subnet's reservations, both families, in creation order. */
export function listSubnetCidrReservations(ctx: RequestContext, subnetId: string, opts: ListOptions): SubnetCidrReservationRow[] {
  return ctx.store.subnetCidrReservations.list(ctx.scope, { ...opts, clauses: [...(opts.clauses ?? []), { sql: 'r.subnet_id = ?', params: [subnetId] }] });
}
