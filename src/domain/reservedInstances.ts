/**
 * Reserved Instance offerings (docs/behavior.md "Reserved Instances"): a generated catalog, the same every time, of
 * every instance type x scope (the Region, or one of its zones) x product (Linux/UNIX, Windows) x term (1 or 3
 * years) x class (standard; convertible for the Region) x payment option (No, Partial, All Upfront), priced from the
 * type's plausible on-demand price (src/domain/spot.ts). The catalog is never stored: a page is generated from its
 * position, narrowed first by the request's parameters and exact filter values, and an offering id encodes its
 * position, so ReservedInstancesOfferingIds needs no search. No Reserved Instances are ever bought.
 */
import type { RequestContext } from '../core/context';
import type { DescribeReservedInstancesOfferingsRequest, Filter, ReservedInstancesOffering } from '../protocol/model/types.generated';
import { zonesOf } from './regions';
import { onDemandHourly } from './spot';

const PRODUCTS = ['Linux/UNIX', 'Linux/UNIX (Amazon VPC)', 'Windows', 'Windows (Amazon VPC)'] as const;
/** Products listed when the request does not name one (the VPC variants are EC2-Classic era names). */
const DEFAULT_PRODUCTS = [0, 2];
const DURATIONS = [31_536_000, 94_608_000] as const;
const CLASSES = ['standard', 'convertible'] as const;
const OFFERING_TYPES = ['No Upfront', 'Partial Upfront', 'All Upfront'] as const;
const TENANCIES = ['default', 'dedicated'] as const;

/** Effective hourly cost as a share of on-demand, by term and payment option (standard; convertible costs more). */
const DISCOUNT: Record<number, readonly number[]> = { 31_536_000: [0.72, 0.62, 0.6], 94_608_000: [0.55, 0.45, 0.42] };

interface Position {
  type: number;
  /** 0: the Region; k: the region's k-th zone. */
  scope: number;
  product: number;
  duration: number;
  cls: number;
  offering: number;
  tenancy: number;
}

interface Dimensions {
  types: number[];
  scopes: number[];
  products: number[];
  durations: number[];
  classes: number[];
  offerings: number[];
  tenancies: number[];
}

/** 24 hex digits of FNV-1a over the position (three seeds): cheap enough for a walk over the whole catalog. */
function hash(s: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9]) {
    let h = seed;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
const keyOf = (p: Position) => `${p.type}.${p.scope}.${p.product}.${p.duration}.${p.cls}.${p.offering}.${p.tenancy}`;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A UUID-shaped id carrying the offering's position (and a hash of it, so a made-up id matches nothing). */
export function offeringId(p: Position): string {
  const h = hash(keyOf(p));
  return `${h.slice(0, 8)}-${hex(p.type, 4)}-4${hex(p.scope, 1)}${hex(p.product, 1)}${hex(p.duration + 2 * p.tenancy, 1)}-${hex(8 + p.cls, 1)}${hex(p.offering, 1)}${h.slice(8, 10)}-${h.slice(10, 22)}`;
}

function positionOfId(id: string): Position | undefined {
  const m = /^([0-9a-f]{8})-([0-9a-f]{4})-4([0-9a-f])([0-9a-f])([0-9a-f])-([89ab])([0-9a-f])([0-9a-f]{2})-([0-9a-f]{12})$/.exec(id);
  if (!m) return undefined;
  const dt = parseInt(m[5], 16);
  const p: Position = { type: parseInt(m[2], 16), scope: parseInt(m[3], 16), product: parseInt(m[4], 16), duration: dt % 2, tenancy: dt >> 1, cls: parseInt(m[6], 16) - 8, offering: parseInt(m[7], 16) };
  // every field within its dimension (a hand-made id with a valid hash must not reach the pricing)
  const inRange = p.product < PRODUCTS.length && p.tenancy < TENANCIES.length && p.cls < CLASSES.length && p.offering < OFFERING_TYPES.length;
  return inRange && offeringId(p) === id ? p : undefined;
}

/** The values of a filter when all of them are exact (no wildcard), to narrow a dimension before generating. */
function exactValues(filters: readonly Filter[] | undefined, name: string): string[] | undefined {
  const camel = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()); // AWS takes both spellings
  const f = (filters ?? []).filter((x) => x.Name === name || x.Name === camel);
  if (f.length !== 1) return undefined;
  const values = f[0].Values ?? [];
  return values.some((v) => /[*?\\]/.test(v)) ? undefined : values;
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);

function dimensions(ctx: RequestContext, req: DescribeReservedInstancesOfferingsRequest, typeNames: readonly string[]): Dimensions {
  const zones = zonesOf(ctx.scope.region);
  const scopeName = (s: number) => (s === 0 ? undefined : zones[s - 1]);
  let types = req.InstanceType !== undefined ? [typeNames.indexOf(req.InstanceType)].filter((i) => i >= 0) : indexes(typeNames.length);
  const typeFilter = exactValues(req.Filters, 'instance-type');
  if (typeFilter) types = types.filter((i) => typeFilter.includes(typeNames[i]));
  let scopes = indexes(zones.length + 1);
  const zone = req.AvailabilityZone ?? zones.find((z) => z.id === req.AvailabilityZoneId)?.name ?? (req.AvailabilityZoneId !== undefined ? '-' : undefined);
  if (zone !== undefined) scopes = scopes.filter((s) => scopeName(s)?.name === zone);
  const zoneFilter = exactValues(req.Filters, 'availability-zone');
  if (zoneFilter) scopes = scopes.filter((s) => zoneFilter.includes(scopeName(s)?.name ?? ''));
  const zoneIdFilter = exactValues(req.Filters, 'availability-zone-id');
  if (zoneIdFilter) scopes = scopes.filter((s) => zoneIdFilter.includes(scopeName(s)?.id ?? ''));
  const scopeFilter = exactValues(req.Filters, 'scope');
  if (scopeFilter) scopes = scopes.filter((s) => scopeFilter.includes(s === 0 ? 'Region' : 'Availability Zone'));
  const productFilter = exactValues(req.Filters, 'product-description');
  const asked = req.ProductDescription !== undefined ? [req.ProductDescription] : productFilter;
  const products = asked ? indexes(PRODUCTS.length).filter((p) => asked.includes(PRODUCTS[p])) : DEFAULT_PRODUCTS;
  const durationFilter = exactValues(req.Filters, 'duration');
  const durations = indexes(DURATIONS.length).filter(
    (d) => DURATIONS[d] >= (req.MinDuration ?? 0) && DURATIONS[d] <= (req.MaxDuration ?? Infinity) && (!durationFilter || durationFilter.includes(String(DURATIONS[d]))),
  );
  const classes = indexes(CLASSES.length).filter((c) => req.OfferingClass === undefined || CLASSES[c] === req.OfferingClass);
  const offerings = indexes(OFFERING_TYPES.length).filter((o) => req.OfferingType === undefined || OFFERING_TYPES[o] === req.OfferingType);
  const tenancies = [req.InstanceTenancy === 'dedicated' ? 1 : 0];
  return { types, scopes, products, durations, classes, offerings, tenancies };
}

function present(ctx: RequestContext, p: Position, typeNames: readonly string[]): ReservedInstancesOffering {
  const zones = zonesOf(ctx.scope.region);
  const zone = p.scope === 0 ? undefined : zones[p.scope - 1];
  const type = typeNames[p.type];
  const product = PRODUCTS[p.product];
  const duration = DURATIONS[p.duration];
  const hours = duration / 3600;
  const share = DISCOUNT[duration][p.offering] * (p.cls === 1 ? 1.15 : 1) * (p.tenancy === 1 ? 1.1 : 1);
  const hourly = onDemandHourly(ctx, type, product) * share;
  const upfront = [0, 0.5, 1][p.offering];
  return {
    ReservedInstancesOfferingId: offeringId(p),
    InstanceType: type as ReservedInstancesOffering['InstanceType'],
    AvailabilityZone: zone?.name,
    AvailabilityZoneId: zone?.id,
    Duration: duration,
    UsagePrice: 0,
    FixedPrice: Number((hours * hourly * upfront).toFixed(2)),
    ProductDescription: product,
    InstanceTenancy: TENANCIES[p.tenancy],
    CurrencyCode: 'USD',
    OfferingType: OFFERING_TYPES[p.offering],
    RecurringCharges: [{ Frequency: 'Hourly', Amount: Number((hourly * (1 - upfront)).toFixed(4)) }],
    Marketplace: false,
    PricingDetails: [],
    OfferingClass: CLASSES[p.cls],
    Scope: zone ? 'Availability Zone' : 'Region',
  };
}

/** Convertible offerings are regional only. */
const exists = (p: Position) => !(p.cls === 1 && p.scope !== 0);

/**
 * The offerings after the `after`-th position of the narrowed catalog, up to `limit`, each with its 1-based
 * position as seq (what pagination resumes from), or those named by id.
 */
export function offeringCandidates(
  ctx: RequestContext,
  req: DescribeReservedInstancesOfferingsRequest,
): { fetch: (after: number, limit: number) => Array<{ seq: number; item: ReservedInstancesOffering }>; fingerprint: string } {
  const typeNames = ctx.instanceTypes.names();
  const idFilter = exactValues(req.Filters, 'reserved-instances-offering-id');
  const ids = req.ReservedInstancesOfferingIds?.length ? req.ReservedInstancesOfferingIds : idFilter;
  if (ids) {
    const items = ids.flatMap((id) => {
      const p = positionOfId(id);
      return p && p.type < typeNames.length && p.scope <= zonesOf(ctx.scope.region).length && exists(p) ? [present(ctx, p, typeNames)] : [];
    });
    return { fetch: (after, limit) => items.slice(after, after + limit).map((item, k) => ({ seq: after + k + 1, item })), fingerprint: 'ids' };
  }
  const d = dimensions(ctx, req, typeNames);
  // every offering is on EC2's own market, with no usage price: filters asking otherwise match nothing
  const marketplace = exactValues(req.Filters, 'marketplace');
  const usage = exactValues(req.Filters, 'usage-price');
  const none = (marketplace && !marketplace.includes('false')) || (usage && !usage.some((v) => Number(v) === 0));
  const radix = none ? [[]] : [d.types, d.scopes, d.products, d.durations, d.classes, d.offerings, d.tenancies];
  const total = radix.reduce((n, dim) => n * dim.length, 1);
  const fetch = (after: number, limit: number) => {
    const out: Array<{ seq: number; item: ReservedInstancesOffering }> = [];
    for (let i = after; i < total && out.length < limit; i++) {
      let rest = i;
      const pick = radix.map(() => 0);
      for (let k = radix.length - 1; k >= 0; k--) {
        pick[k] = radix[k][rest % radix[k].length];
        rest = Math.floor(rest / radix[k].length);
      }
      const p: Position = { type: pick[0], scope: pick[1], product: pick[2], duration: pick[3], cls: pick[4], offering: pick[5], tenancy: pick[6] };
      if (exists(p)) out.push({ seq: i + 1, item: present(ctx, p, typeNames) });
    }
    return out;
  };
  return { fetch, fingerprint: JSON.stringify(radix.map((dim) => dim.length)) };
}
