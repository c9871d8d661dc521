/**
 * Tag rules: which ids are taggable (by prefix), AWS's limits (50 tags per resource, key ≤ 127 and value ≤ 256
 * characters, no `aws:` prefix), and TagSpecifications on create calls.
 */
import type { RequestContext } from '../context';
import { Ec2Error, MalformedErrors, NotFoundErrors, RequestErrors, TagErrors } from '../errors';
import type { Tag, TagSpecification } from '../protocol/model/types.generated';
import type { Store } from '../store';
import type { Scope } from '../store/query';

export const MAX_TAGS_PER_RESOURCE = 50;

interface Taggable {
  resourceType: string;
  exists(store: Store, scope: Scope, id: string): boolean;
  notFound(id: string): Ec2Error;
}

const byTable = (resourceType: string, table: keyof Store, notFound: (id: string) => Ec2Error): Taggable => ({
  resourceType,
  exists: (store, scope, id) => (store[table] as { get(s: Scope, id: string): unknown }).get(scope, id) !== undefined,
  notFound,
});

/** Id prefix -> what it names. */
const TAGGABLE: ReadonlyArray<[string, Taggable]> = [
  ['vpc', byTable('vpc', 'vpcs', NotFoundErrors.vpc)],
  ['subnet', byTable('subnet', 'subnets', NotFoundErrors.subnet)],
  ['sg', byTable('security-group', 'securityGroups', NotFoundErrors.securityGroup)],
  ['rtb', byTable('route-table', 'routeTables', NotFoundErrors.routeTable)],
  ['igw', byTable('internet-gateway', 'internetGateways', NotFoundErrors.internetGateway)],
  ['dopt', byTable('dhcp-options', 'dhcpOptions', (id) => new Ec2Error('InvalidDhcpOptionID.NotFound', `The dhcpOption ID '${id}' does not exist`))],
  ['sgr', { resourceType: 'security-group-rule', exists: (s, sc, id) => s.securityGroups.rules.get(sc, id) !== undefined, notFound: NotFoundErrors.securityGroupRule }],
  ['i', byTable('instance', 'instances', (id) => NotFoundErrors.instances([id]))],
  ['eni', byTable('network-interface', 'networkInterfaces', NotFoundErrors.networkInterface)],
  ['key', byTable('key-pair', 'keyPairs', NotFoundErrors.keyPairId)],
  ['eipalloc', { resourceType: 'elastic-ip', exists: (s, sc, id) => s.addresses.byAllocation(sc, id) !== undefined, notFound: NotFoundErrors.allocation }],
];

export function taggableFor(id: string): Taggable | undefined {
  const dash = id.lastIndexOf('-');
  const prefix = dash > 0 ? id.slice(0, dash) : '';
  for (const [p, t] of TAGGABLE) if (p === prefix) return t;
  return undefined;
}

/** Validates tags as AWS does before anything is written. */
export function validateTags(tags: readonly Tag[]): void {
  for (const t of tags) {
    const key = t.Key ?? '';
    if (key.length === 0 || key.length > 127) throw RequestErrors.invalidParameter('key', key, 'Tag keys must be between 1 and 127 characters.');
    if (key.toLowerCase().startsWith('aws:')) throw TagErrors.reservedKey(key);
    if ((t.Value ?? '').length > 256) throw RequestErrors.invalidParameter('value', t.Value ?? '', 'Tag values must be at most 256 characters.');
  }
}

/** Adds tags to an existing resource, enforcing the per-resource limit (overwriting a key does not count). */
export function addTags(ctx: RequestContext, resourceId: string, resourceType: string, tags: readonly Tag[]): void {
  if (tags.length === 0) return;
  validateTags(tags);
  const current = ctx.store.tags.count(resourceId);
  const added = new Set(tags.filter((t) => !ctx.store.tags.hasKey(resourceId, t.Key ?? '')).map((t) => t.Key)).size;
  if (current + added > MAX_TAGS_PER_RESOURCE) throw TagErrors.limitExceeded();
  ctx.store.tags.put(ctx.scope, resourceId, resourceType, tags);
}

/**
 * TagSpecifications of a create call: each spec's ResourceType must be one this call creates; the tags of the
 * matching spec go to the new resource.
 */
export function tagsFromSpecifications(specs: readonly TagSpecification[] | undefined, allowed: readonly string[]): Map<string, Tag[]> {
  const out = new Map<string, Tag[]>();
  for (const spec of specs ?? []) {
    const type = spec.ResourceType ?? '';
    if (!allowed.includes(type)) throw TagErrors.invalidResourceType(type);
    const tags = spec.Tags ?? [];
    validateTags(tags);
    out.set(type, [...(out.get(type) ?? []), ...tags]);
  }
  for (const tags of out.values()) if (tags.length > MAX_TAGS_PER_RESOURCE) throw TagErrors.limitExceeded();
  return out;
}

/** Resolves an id for CreateTags/DeleteTags: must be a known kind of id, and exist. */
export function requireTaggable(ctx: RequestContext, id: string): Taggable {
  const t = taggableFor(id);
  if (!t) throw MalformedErrors.taggableId(id);
  if (!t.exists(ctx.store, ctx.scope, id)) throw t.notFound(id);
  return t;
}
