/**
 * Tag rules: which ids are taggable (by prefix), AWS's limits (50 tags per resource, key ≤ 127 and value ≤ 256
 * characters, no `aws:` prefix), and TagSpecifications on create calls.
 */
import type { RequestContext } from '../core/context';
import { CarrierGatewayErrors, CidrErrors, DhcpOptionsErrors, Ec2Error, EndpointServiceErrors, FleetErrors, FlowLogErrors, HostErrors, LaunchTemplateErrors, MalformedErrors, NetworkAclErrors, NotFoundErrors, PlacementGroupErrors, PrefixErrors, PrefixListErrors, RequestErrors, SpotErrors, SpotFleetErrors, TagErrors, TrafficMirrorErrors, TransitGatewayErrors, VpcEndpointErrors, VpnErrors, CapacityReservationErrors, InstanceConnectEndpointErrors } from '../errors';
import { compileFilters } from '../filters/engine';
import { tagDescriptionFilters } from '../filters/tags';
import { paginate } from '../pagination';
import type { Filter, Tag, TagDescription, TagSpecification } from '../protocol/model/types.generated';
import type { Store } from '../store';
import type { Scope } from '../store/query';

const MAX_TAGS_PER_RESOURCE = 50;

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
  ['dopt', byTable('dhcp-options', 'dhcpOptions', (id) => DhcpOptionsErrors.notFound([id]))],
  ['acl', byTable('network-acl', 'networkAcls', (id) => NetworkAclErrors.notFound([id]))],
  ['scr', { resourceType: 'subnet-cidr-reservation', exists: (s, sc, id) => s.subnetCidrReservations.get(sc, id) !== undefined, notFound: PrefixErrors.reservationNotFound }],
  ['eigw', byTable('egress-only-internet-gateway', 'egressOnlyGateways', CidrErrors.egressGatewayNotFound)],
  ['sgr', { resourceType: 'security-group-rule', exists: (s, sc, id) => s.securityGroups.rules.get(sc, id) !== undefined, notFound: NotFoundErrors.securityGroupRule }],
  ['i', byTable('instance', 'instances', (id) => NotFoundErrors.instances([id]))],
  ['eni', byTable('network-interface', 'networkInterfaces', NotFoundErrors.networkInterface)],
  ['key', byTable('key-pair', 'keyPairs', NotFoundErrors.keyPairId)],
  ['fl', byTable('vpc-flow-log', 'flowLogs', (id) => FlowLogErrors.notFound([id]))],
  ['lt', byTable('launch-template', 'launchTemplates', LaunchTemplateErrors.idNotFound)],
  ['vol', byTable('volume', 'volumes', NotFoundErrors.volume)],
  ['snap', { resourceType: 'snapshot', exists: (s, sc, id) => s.snapshots.get(sc, id) !== undefined, notFound: NotFoundErrors.snapshot }],
  ['ami', { resourceType: 'image', exists: (s, sc, id) => s.images.get(sc, id) !== undefined, notFound: (id) => NotFoundErrors.images([id]) }],
  ['nat', byTable('natgateway', 'natGateways', NotFoundErrors.natGateway)],
  ['pcx', byTable('vpc-peering-connection', 'vpcPeerings', NotFoundErrors.vpcPeering)],
  ['tmt', byTable('traffic-mirror-target', 'mirrorTargets', TrafficMirrorErrors.targetNotFound)],
  ['tmf', byTable('traffic-mirror-filter', 'mirrorFilters', TrafficMirrorErrors.filterNotFound)],
  ['tmfr', { resourceType: 'traffic-mirror-filter-rule', exists: (s, sc, id) => s.mirrorFilters.rules.get(sc, id) !== undefined, notFound: TrafficMirrorErrors.ruleNotFound }],
  ['tms', byTable('traffic-mirror-session', 'mirrorSessions', TrafficMirrorErrors.sessionNotFound)],
  ['vgw', byTable('vpn-gateway', 'vpnGateways', VpnErrors.vpnGatewayNotFound)],
  ['cgw', byTable('customer-gateway', 'customerGateways', VpnErrors.customerGatewayNotFound)],
  ['cagw', byTable('carrier-gateway', 'carrierGateways', CarrierGatewayErrors.notFound)],
  ['vpn', byTable('vpn-connection', 'vpnConnections', VpnErrors.vpnConnectionNotFound)],
  ['sir', byTable('spot-instances-request', 'spotRequests', SpotErrors.notFound)],
  ['fleet', byTable('fleet', 'fleets', FleetErrors.notFound)],
  ['sfr', byTable('spot-fleet-request', 'spotFleets', SpotFleetErrors.notFound)],
  ['tgw', byTable('transit-gateway', 'transitGateways', TransitGatewayErrors.notFound)],
  [
    'tgw-rtb',
    { resourceType: 'transit-gateway-route-table', exists: (s, sc, id) => s.transitGateways.routeTables.get(sc, id) !== undefined, notFound: TransitGatewayErrors.routeTableNotFound },
  ],
  [
    'tgw-attach',
    { resourceType: 'transit-gateway-attachment', exists: (s, sc, id) => s.transitGateways.attachments.get(sc, id) !== undefined, notFound: TransitGatewayErrors.attachmentNotFound },
  ],
  ['pg', byTable('placement-group', 'placementGroups', PlacementGroupErrors.idNotFound)],
  ['cr', byTable('capacity-reservation', 'capacityReservations', CapacityReservationErrors.notFound)],
  ['eice', byTable('instance-connect-endpoint', 'instanceConnectEndpoints', InstanceConnectEndpointErrors.notFound)],
  ['h', byTable('dedicated-host', 'hosts', HostErrors.notFound)],
  ['pl', byTable('prefix-list', 'prefixLists', PrefixListErrors.notFound)],
  ['vpce', byTable('vpc-endpoint', 'vpcEndpoints', VpcEndpointErrors.notFound)],
  ['vpce-svc', byTable('vpc-endpoint-service', 'vpcEndpointServices', EndpointServiceErrors.notFound)],
  [
    'vpce-svc-perm',
    { resourceType: 'vpc-endpoint-service-permission', exists: (s, sc, id) => s.vpcEndpointServices.permissions.get(sc, id) !== undefined, notFound: EndpointServiceErrors.notFound },
  ],
  ['eipalloc', { resourceType: 'elastic-ip', exists: (s, sc, id) => s.addresses.byAllocation(sc, id) !== undefined, notFound: NotFoundErrors.allocation }],
];

function taggableFor(id: string): Taggable | undefined {
  const dash = id.lastIndexOf('-');
  const prefix = dash > 0 ? id.slice(0, dash) : '';
  // a known prefix with a body no id has ("ami-blah") is not an id either (moto's test_invalid_id, AWS's InvalidID)
  const body = id.slice(dash + 1);
  if (prefix !== '' && (body.length === 8 || body.length === 17) && /^[0-9a-z]+$/.test(body)) {
    for (const [p, t] of TAGGABLE) if (p === prefix) return t;
  }
  // fleet ids are `fleet-` + a UUID, whose own dashes hide the prefix from the rule above
  if (id.startsWith('fleet-')) return TAGGABLE.find(([p]) => p === 'fleet')?.[1];
  if (id.startsWith('sfr-')) return TAGGABLE.find(([p]) => p === 'sfr')?.[1];
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
  const current = ctx.store.tags.count(ctx.scope, resourceId);
  const added = new Set(tags.filter((t) => !ctx.store.tags.hasKey(ctx.scope, resourceId, t.Key ?? '')).map((t) => t.Key)).size;
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

/** No tags given: every tag goes. A tag without Value: that key whatever its value. With Value (even ""): only if equal. */
export function deleteTags(ctx: RequestContext, resourceIds: readonly string[], tags: readonly Tag[] | undefined): void {
  for (const id of resourceIds) requireTaggable(ctx, id);
  for (const id of resourceIds) {
    if (!tags || tags.length === 0) ctx.store.tags.removeAll(ctx.scope, id);
    else for (const t of tags) ctx.store.tags.remove(ctx.scope, id, t.Key ?? '', t.Value);
  }
}

/**
 * A page of the scope's tags. `tag:<key>` filters mean "resources having that tag": every tag of such a resource
 * is listed; the other filters apply to the tags themselves.
 */
export function describeTags(ctx: RequestContext, input: { Filters?: Filter[]; MaxResults?: number; NextToken?: string }) {
  const tagFilters = (input.Filters ?? []).filter((f) => f.Name?.startsWith('tag:'));
  const plain = (input.Filters ?? []).filter((f) => !f.Name?.startsWith('tag:'));
  const f = compileFilters(tagDescriptionFilters, plain, ctx.scope);
  const clauses = [...f.clauses];
  for (const tf of tagFilters) {
    clauses.push({
      sql: 't.resource_id IN (SELECT resource_id FROM tags WHERE account = ? AND region = ? AND key = ? AND value IN (SELECT value FROM json_each(?)))',
      params: [ctx.scope.account, ctx.scope.region, tf.Name!.slice(4), JSON.stringify(tf.Values ?? [])],
    });
  }
  return paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: JSON.stringify(input.Filters ?? []) },
    (afterSeq, limit) =>
      ctx.store.tags.list(ctx.scope, { clauses, afterSeq, limit }).map((r) => ({
        seq: r.seq,
        item: { ResourceId: r.resource_id, ResourceType: r.resource_type, Key: r.key, Value: r.value } as TagDescription,
      })),
    f.matches,
  );
}
