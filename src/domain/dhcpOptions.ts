/**
 * DHCP option sets (docs/behavior.md "DHCP option sets"): each scope has AWS's default set (domain-name
 * `ec2.internal` in us-east-1, `<region>.compute.internal` elsewhere; domain-name-servers AmazonProvidedDNS), which
 * every new VPC uses. A VPC uses one set or none (`default` in AssociateDhcpOptions means none, shown as
 * DhcpOptionsId `default`); a set in use cannot be deleted.
 */
import type { RequestContext } from '../core/context';
import type { IdGenerator } from '../core/ids';
import { DhcpOptionsErrors, MalformedErrors } from '../errors';
import type { Store } from '../store';
import type { ListOptions, Scope } from '../store/query';
import type { DhcpOptionsRow } from '../store/rows';
import { isIpv4 } from './cidr';
import { dhcpDomainName, requireVpc } from './vpc';

interface Deps {
  store: Store;
  ids: IdGenerator;
  scope: Scope;
}

/**
 * The scope's default set, made with the scope's first VPC. If the user deleted it, the next VPC gets a new one
 * (docs/decisions.md "The default DHCP option set").
 */
export function defaultDhcpOptionsId(d: Deps): string {
  const existing = d.store.dhcpOptions.defaultSet(d.scope);
  if (existing) return existing.id;
  const id = d.ids.id('dopt');
  d.store.dhcpOptions.insert({ id, account: d.scope.account, region: d.scope.region, is_default: 1 });
  d.store.dhcpOptions.insertValues(id, [
    { key: 'domain-name', value: dhcpDomainName(d.scope.region) },
    { key: 'domain-name-servers', value: 'AmazonProvidedDNS' },
  ]);
  return id;
}

export function requireDhcpOptions(ctx: RequestContext, id: string): DhcpOptionsRow {
  const row = ctx.store.dhcpOptions.get(ctx.scope, id);
  if (!row) throw DhcpOptionsErrors.notFound([id]);
  return row;
}

export function listDhcpOptions(ctx: RequestContext, opts: ListOptions): DhcpOptionsRow[] {
  return ctx.store.dhcpOptions.list(ctx.scope, opts);
}

const isIpv6 = (s: string) => s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;

interface KeyRule {
  /** Most values the key takes (per address family for address lists). */
  max: number;
  valid: (v: string) => boolean;
  /** Address lists: IPv4 and IPv6 count separately. */
  perFamily?: boolean;
}

const NODE_TYPES = new Set(['1', '2', '4', '8']);

/** The keys AWS accepts and what each takes (AWS docs: DHCP option sets, "DHCP options"). */
const KEYS: Readonly<Record<string, KeyRule>> = {
  'domain-name': { max: 1, valid: (v) => v.length > 0 && v.length <= 255 },
  'domain-name-servers': { max: 4, perFamily: true, valid: (v) => v === 'AmazonProvidedDNS' || isIpv4(v) || isIpv6(v) },
  'ntp-servers': { max: 4, perFamily: true, valid: (v) => isIpv4(v) || isIpv6(v) },
  'netbios-name-servers': { max: 4, valid: isIpv4 },
  'netbios-node-type': { max: 1, valid: (v) => NODE_TYPES.has(v) },
  'ipv6-address-preferred-lease-time': { max: 1, valid: (v) => /^\d{3,10}$/.test(v) && Number(v) >= 140 && Number(v) <= 2147483647 },
};

interface NewConfiguration {
  Key?: string;
  Values?: string[];
}

/** Validates every key and value before anything is written; `tags` runs after that, as for other creates. */
export function createDhcpOptions(ctx: RequestContext, configurations: readonly NewConfiguration[]): DhcpOptionsRow {
  const seen = new Set<string>();
  const values: Array<{ key: string; value: string }> = [];
  for (const c of configurations) {
    const key = c.Key ?? '';
    const rule = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!rule) throw DhcpOptionsErrors.unknownKey(key);
    if (seen.has(key)) throw DhcpOptionsErrors.duplicateKey(key);
    seen.add(key);
    const vs = c.Values ?? [];
    if (vs.length === 0) throw DhcpOptionsErrors.noValues(key);
    for (const v of vs) if (!rule.valid(v)) throw DhcpOptionsErrors.invalidValue(key, v);
    const count = rule.perFamily ? Math.max(vs.filter((v) => !isIpv6(v)).length, vs.filter(isIpv6).length) : vs.length;
    if (count > rule.max) throw DhcpOptionsErrors.tooManyValues(key, rule.max);
    for (const v of vs) values.push({ key, value: v });
  }
  const id = ctx.ids.id('dopt');
  ctx.store.dhcpOptions.insert({ id, account: ctx.scope.account, region: ctx.scope.region, is_default: 0 });
  ctx.store.dhcpOptions.insertValues(id, values);
  return ctx.store.dhcpOptions.get(ctx.scope, id)!;
}

/** `default` associates no options; any other value must name a set of the scope. */
export function associateDhcpOptions(ctx: RequestContext, dhcpOptionsId: string, vpcId: string): void {
  let setId: string | null = null;
  if (dhcpOptionsId !== 'default') {
    if (!/^dopt-([0-9a-f]{8}|[0-9a-f]{17})$/.test(dhcpOptionsId)) throw MalformedErrors.id('dopt', dhcpOptionsId);
    setId = requireDhcpOptions(ctx, dhcpOptionsId).id;
  }
  const vpc = requireVpc(ctx, vpcId);
  ctx.store.vpcs.update(vpc.id, { dhcp_options_id: setId });
}

export function deleteDhcpOptions(ctx: RequestContext, id: string): void {
  const set = requireDhcpOptions(ctx, id);
  if (ctx.store.dhcpOptions.vpcCount(set.id) > 0) throw DhcpOptionsErrors.dependency(set.id);
  ctx.store.dhcpOptions.delete(set.id);
}
