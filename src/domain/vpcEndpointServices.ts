/**
 * VPC endpoint services (PrivateLink; docs/behavior.md "VPC endpoint services"): an account offers a service in
 * front of its network or gateway load balancers, names the principals allowed to connect to it, and accepts or
 * rejects the endpoints other accounts (or itself) connect.
 *
 *   service:    create -> Available;  delete (no endpoint pendingAcceptance, pending or available) -> gone
 *   private DNS name: pendingVerification --(StartVpcEndpointServicePrivateDnsVerification, back end)--> verified
 *   connection: endpoint create -> pendingAcceptance (AcceptanceRequired) | pending -> available
 *               pendingAcceptance --Accept--> pending --(back end)--> available;  Reject -> rejected
 *
 * There is no ELB in ec2lite: a load balancer is a well-formed ARN of the caller's account and region. The
 * connected endpoint lives in its own account's scope (domain/vpcEndpoints.ts); the connection row in the owner's
 * scope only points at it, so both sides always see the same state.
 */
import type { RequestContext } from '../core/context';
import { EndpointServiceErrors, itemFailure, type ItemFailure, RequestErrors } from '../errors';
import type { Tag } from '../protocol/model/types.generated';
import type { ListOptions, Scope } from '../store/query';
import type {
  VpcEndpointConnectionNotificationRow,
  VpcEndpointConnectionRow,
  VpcEndpointServicePermissionRow,
  VpcEndpointServiceRow,
} from '../store/rows';
import { addTags } from './tags';

export const PRIVATE_LINK_PREFIX = 'com.amazonaws.vpce.';

/** The principals a caller (the root of its account, as GetCallerIdentity says) is allowed by. */
export const principalsOf = (account: string): string[] => [`arn:aws:iam::${account}:root`, '*'];

export const arnsOf = (s: Pick<VpcEndpointServiceRow, 'load_balancer_arns'>): string[] => JSON.parse(s.load_balancer_arns) as string[];
export const ipTypesOf = (s: Pick<VpcEndpointServiceRow, 'ip_address_types'>): string[] => JSON.parse(s.ip_address_types) as string[];

// ---------------------------------------------------------------------------------------------------------------
// lookups

/** A service configuration of the caller's scope (the owner's calls). */
export function requireEndpointServiceConfig(ctx: RequestContext, id: string): VpcEndpointServiceRow {
  const s = ctx.store.vpcEndpointServices.get(ctx.scope, id);
  if (!s) throw EndpointServiceErrors.notFound(id);
  return s;
}

export function listEndpointServiceConfigs(ctx: RequestContext, opts: ListOptions): VpcEndpointServiceRow[] {
  return ctx.store.vpcEndpointServices.list(ctx.scope, opts);
}

/** The region's PrivateLink services the caller may see (DescribeVpcEndpointServices, CreateVpcEndpoint). */
export function visibleEndpointServices(ctx: Pick<RequestContext, 'store' | 'scope'>): VpcEndpointServiceRow[] {
  return ctx.store.vpcEndpointServices.visibleTo(ctx.scope.account, ctx.scope.region, principalsOf(ctx.scope.account));
}

/**
 * The PrivateLink service a consumer names in CreateVpcEndpoint, if the name is one: a service the caller may not
 * see answers as an unknown name, as AWS does (undefined means "not a PrivateLink name").
 */
export function privateLinkServiceFor(ctx: RequestContext, name: string | undefined): VpcEndpointServiceRow | undefined | null {
  if (name === undefined || !name.startsWith(PRIVATE_LINK_PREFIX)) return undefined;
  const s = ctx.store.vpcEndpointServices.byName(name);
  if (!s || s.region !== ctx.scope.region || s.state !== 'Available') return null;
  if (s.account === ctx.scope.account) return s;
  const allowed = new Set(principalsOf(ctx.scope.account));
  return ctx.store.vpcEndpointServices.permissions.ofService(s.id).some((p) => allowed.has(p.principal)) ? s : null;
}

/** The private DNS name consumers may use: only once verified. */
export const verifiedPrivateDnsName = (s: VpcEndpointServiceRow): string | undefined =>
  s.private_dns_name !== null && s.private_dns_state === 'verified' ? s.private_dns_name : undefined;

// ---------------------------------------------------------------------------------------------------------------
// load balancers, IP address types, private DNS names

const LB_ARN = /^arn:aws(?:-[a-z]+)*:elasticloadbalancing:([a-z0-9-]+):(\d{12}):loadbalancer\/(net|gwy|app)\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

/** Well-formed, of the expected kind (net for Interface services, gwy for Gateway Load Balancer ones), and ours. */
function checkLoadBalancers(ctx: RequestContext, arns: readonly string[], kind: 'net' | 'gwy'): void {
  for (const arn of arns) {
    const m = LB_ARN.exec(arn);
    if (!m) throw EndpointServiceErrors.malformedArn(arn);
    if (m[3] !== kind) throw EndpointServiceErrors.wrongLoadBalancerType(arn, kind === 'net' ? 'Network' : 'Gateway');
    if (m[1] !== ctx.scope.region || m[2] !== ctx.scope.account) throw EndpointServiceErrors.loadBalancerNotFound(arn);
  }
}

const IP_TYPES = ['ipv4', 'ipv6'];
function checkIpTypes(values: readonly string[]): void {
  for (const v of values) if (!IP_TYPES.includes(v)) throw EndpointServiceErrors.ipAddressType(v);
}

const DOMAIN = /^(?=.{1,253}$)(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
function checkPrivateDnsName(name: string): void {
  if (!DOMAIN.test(name)) throw EndpointServiceErrors.privateDnsName(name);
}

/** A new name must be verified again: a fresh TXT record to publish, state pendingVerification. */
function privateDnsColumns(ctx: RequestContext, name: string | null): Partial<VpcEndpointServiceRow> {
  if (name === null) return { private_dns_name: null, private_dns_state: null, private_dns_record_name: null, private_dns_record_value: null };
  return {
    private_dns_name: name,
    private_dns_state: 'pendingVerification',
    private_dns_record_name: `_${ctx.ids.hex(20)}`,
    private_dns_record_value: `vpce:${ctx.ids.hex(20)}`,
  };
}

/** ec2lite serves a service in its own region only (no cross-Region access). */
function checkRegions(ctx: RequestContext, regions: readonly string[] | undefined): void {
  if ((regions ?? []).some((r) => r !== ctx.scope.region)) throw EndpointServiceErrors.supportedRegions();
}

// ---------------------------------------------------------------------------------------------------------------
// service configurations

interface NewServiceConfig {
  AcceptanceRequired?: boolean;
  PrivateDnsName?: string;
  NetworkLoadBalancerArns?: readonly string[];
  GatewayLoadBalancerArns?: readonly string[];
  SupportedIpAddressTypes?: readonly string[];
  SupportedRegions?: readonly string[];
}

export function createEndpointServiceConfig(ctx: RequestContext, spec: NewServiceConfig, tags: readonly Tag[]): VpcEndpointServiceRow {
  const nlbs = [...new Set(spec.NetworkLoadBalancerArns ?? [])];
  const gwlbs = [...new Set(spec.GatewayLoadBalancerArns ?? [])];
  if ((nlbs.length > 0) === (gwlbs.length > 0)) throw EndpointServiceErrors.loadBalancerRequired();
  const gateway = gwlbs.length > 0;
  checkLoadBalancers(ctx, gateway ? gwlbs : nlbs, gateway ? 'gwy' : 'net');
  const ipTypes = [...new Set(spec.SupportedIpAddressTypes ?? ['ipv4'])];
  checkIpTypes(ipTypes);
  if (ipTypes.length === 0) throw EndpointServiceErrors.noIpAddressType();
  if (spec.PrivateDnsName !== undefined) {
    if (gateway) throw EndpointServiceErrors.privateDnsWithGateway();
    checkPrivateDnsName(spec.PrivateDnsName);
  }
  checkRegions(ctx, spec.SupportedRegions);
  const id = ctx.ids.id('vpce-svc');
  ctx.store.vpcEndpointServices.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name: `${PRIVATE_LINK_PREFIX}${ctx.scope.region}.${id}`,
    service_type: gateway ? 'GatewayLoadBalancer' : 'Interface',
    state: 'Available',
    acceptance_required: spec.AcceptanceRequired ? 1 : 0,
    load_balancer_arns: JSON.stringify(gateway ? gwlbs : nlbs),
    ip_address_types: JSON.stringify(ipTypes),
    ...privateDnsColumns(ctx, spec.PrivateDnsName ?? null),
    created_at: ctx.now,
  });
  addTags(ctx, id, 'vpc-endpoint-service', tags);
  return requireEndpointServiceConfig(ctx, id);
}

/** Endpoints that hold a service: AWS refuses to delete it (or change its load balancers) while any is live. */
const LIVE_CONNECTION_STATES = new Set(['pendingAcceptance', 'pending', 'available']);
const liveConnections = (ctx: RequestContext, serviceId: string) =>
  ctx.store.vpcEndpointServices.connections.ofService(serviceId).filter((c) => LIVE_CONNECTION_STATES.has(c.endpoint_state));

interface ServiceConfigChange {
  PrivateDnsName?: string;
  RemovePrivateDnsName?: boolean;
  AcceptanceRequired?: boolean;
  AddNetworkLoadBalancerArns?: readonly string[];
  RemoveNetworkLoadBalancerArns?: readonly string[];
  AddGatewayLoadBalancerArns?: readonly string[];
  RemoveGatewayLoadBalancerArns?: readonly string[];
  AddSupportedIpAddressTypes?: readonly string[];
  RemoveSupportedIpAddressTypes?: readonly string[];
  AddSupportedRegions?: readonly string[];
  RemoveSupportedRegions?: readonly string[];
}

/** ModifyVpcEndpointServiceConfiguration: everything is checked before the first change. */
export function modifyEndpointServiceConfig(ctx: RequestContext, id: string, change: ServiceConfigChange): void {
  const s = requireEndpointServiceConfig(ctx, id);
  const gateway = s.service_type === 'GatewayLoadBalancer';
  if (change.PrivateDnsName !== undefined && change.RemovePrivateDnsName) {
    throw RequestErrors.combination('You cannot specify both privateDnsName and removePrivateDnsName.'); // guess
  }
  if (change.PrivateDnsName !== undefined) {
    if (gateway) throw EndpointServiceErrors.privateDnsWithGateway();
    checkPrivateDnsName(change.PrivateDnsName);
  }
  // load balancers: the kind the service has; the other kind is refused as a wrong type
  const [addKind, removeKind] = gateway
    ? [change.AddGatewayLoadBalancerArns, change.RemoveGatewayLoadBalancerArns]
    : [change.AddNetworkLoadBalancerArns, change.RemoveNetworkLoadBalancerArns];
  const [addOther, removeOther] = gateway
    ? [change.AddNetworkLoadBalancerArns, change.RemoveNetworkLoadBalancerArns]
    : [change.AddGatewayLoadBalancerArns, change.RemoveGatewayLoadBalancerArns];
  const other = [...(addOther ?? []), ...(removeOther ?? [])];
  if (other.length > 0) throw EndpointServiceErrors.wrongLoadBalancerType(other[0], gateway ? 'Gateway' : 'Network');
  checkLoadBalancers(ctx, [...(addKind ?? []), ...(removeKind ?? [])], gateway ? 'gwy' : 'net');
  const current = arnsOf(s);
  const remove = new Set(removeKind ?? []);
  const arns = [...current.filter((a) => !remove.has(a)), ...[...new Set(addKind ?? [])].filter((a) => !current.includes(a) || remove.has(a))];
  const lbChanged = arns.length !== current.length || arns.some((a) => !current.includes(a));
  if (lbChanged && arns.length === 0) throw EndpointServiceErrors.lastLoadBalancer();
  if (lbChanged && liveConnections(ctx, s.id).length > 0) throw EndpointServiceErrors.loadBalancersInUse();
  // IP address types
  checkIpTypes([...(change.AddSupportedIpAddressTypes ?? []), ...(change.RemoveSupportedIpAddressTypes ?? [])]);
  const removeTypes = new Set(change.RemoveSupportedIpAddressTypes ?? []);
  const types = IP_TYPES.filter((t) => (ipTypesOf(s).includes(t) && !removeTypes.has(t)) || (change.AddSupportedIpAddressTypes ?? []).includes(t));
  if (types.length === 0) throw EndpointServiceErrors.noIpAddressType();
  checkRegions(ctx, [...(change.AddSupportedRegions ?? []), ...(change.RemoveSupportedRegions ?? [])]);
  if ((change.RemoveSupportedRegions ?? []).includes(ctx.scope.region)) throw EndpointServiceErrors.supportedRegions();

  const updates: Partial<VpcEndpointServiceRow> = { load_balancer_arns: JSON.stringify(arns), ip_address_types: JSON.stringify(types) };
  if (change.AcceptanceRequired !== undefined) updates.acceptance_required = change.AcceptanceRequired ? 1 : 0;
  if (change.RemovePrivateDnsName) Object.assign(updates, privateDnsColumns(ctx, null));
  else if (change.PrivateDnsName !== undefined && change.PrivateDnsName !== s.private_dns_name) Object.assign(updates, privateDnsColumns(ctx, change.PrivateDnsName));
  ctx.store.vpcEndpointServices.update(s.id, updates);
}

/**
 * DeleteVpcEndpointServiceConfigurations: per item, as AWS answers: an unknown id, or a service that endpoints still
 * hold (pendingAcceptance, pending or available), comes back in Unsuccessful. Rejected and deleted connections go
 * with the service, and so do its permissions and notifications.
 */
export function deleteEndpointServiceConfigs(ctx: RequestContext, ids: readonly string[]): ItemFailure[] {
  const failed: ItemFailure[] = [];
  for (const id of [...new Set(ids)]) {
    const s = ctx.store.vpcEndpointServices.get(ctx.scope, id);
    const error = !s ? EndpointServiceErrors.deleteNotFound(id) : liveConnections(ctx, s.id).length > 0 ? EndpointServiceErrors.existingConnections() : undefined;
    if (error) {
      failed.push(itemFailure(id, error));
      continue;
    }
    for (const n of ctx.store.vpcEndpointServices.notificationsOfService(id)) ctx.store.vpcEndpointServices.notifications.delete(n.id);
    ctx.store.vpcEndpointServices.delete(id);
  }
  return failed;
}

/** StartVpcEndpointServicePrivateDnsVerification: ec2lite has no DNS to ask; the back end finds the record. */
export function startPrivateDnsVerification(ctx: RequestContext, id: string): void {
  const s = requireEndpointServiceConfig(ctx, id);
  if (s.private_dns_name === null) throw EndpointServiceErrors.noPrivateDnsName(s.id);
  if (s.private_dns_state === 'verified') throw EndpointServiceErrors.alreadyVerified(s.id);
  ctx.store.vpcEndpointServices.update(s.id, { private_dns_state: 'pendingVerification' });
  ctx.backend.schedule(ctx.scope, 'vpc-endpoint-service', s.id, 'pendingVerification', 'verified', ctx.now);
}

/** The back end's step: the private DNS name is verified (unless it changed or went meanwhile). */
export function applyEndpointServiceTransition(ctx: RequestContext, id: string, to: string): void {
  const s = ctx.store.vpcEndpointServices.get(ctx.scope, id);
  if (s && to === 'verified' && s.private_dns_state === 'pendingVerification') ctx.store.vpcEndpointServices.update(s.id, { private_dns_state: 'verified' });
}

// ---------------------------------------------------------------------------------------------------------------
// permissions

/** What AWS calls the principal's type, by its ARN; undefined when it is not one AWS accepts. */
function principalType(principal: string): string | undefined {
  if (principal === '*') return 'All';
  const m = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:(root|user\/.+|role\/.+)$/.exec(principal);
  if (!m) return undefined;
  return m[1] === 'root' ? 'Account' : m[1].startsWith('user/') ? 'User' : 'Role';
}

export function listServicePermissions(ctx: RequestContext, serviceId: string, opts: ListOptions): VpcEndpointServicePermissionRow[] {
  return ctx.store.vpcEndpointServices.permissions.list(ctx.scope, {
    ...opts,
    clauses: [...(opts.clauses ?? []), { sql: 'p.service_id = ?', params: [serviceId] }],
  });
}

/**
 * ModifyVpcEndpointServicePermissions: principals are added (an existing one keeps its permission id) and
 * removed; connections already made stay as they are (AWS does not reject them).
 */
export function modifyServicePermissions(
  ctx: RequestContext,
  serviceId: string,
  add: readonly string[],
  remove: readonly string[],
): VpcEndpointServicePermissionRow[] {
  const s = requireEndpointServiceConfig(ctx, serviceId);
  const repo = ctx.store.vpcEndpointServices.permissions;
  for (const p of [...add, ...remove]) if (principalType(p) === undefined) throw EndpointServiceErrors.invalidPrincipal(p);
  for (const p of new Set(remove)) repo.remove(s.id, p);
  const added: VpcEndpointServicePermissionRow[] = [];
  for (const p of new Set(add)) {
    let row = repo.ofService(s.id).find((r) => r.principal === p);
    if (!row) {
      const id = ctx.ids.id('vpce-svc-perm');
      repo.insert({ id, account: s.account, region: s.region, service_id: s.id, principal: p, principal_type: principalType(p)! });
      row = repo.get(ctx.scope, id)!;
    }
    added.push(row);
  }
  return added;
}

// ---------------------------------------------------------------------------------------------------------------
// connections

/** Called by CreateVpcEndpoint: the endpoint (in the caller's scope) joins the service (in its owner's). */
export function connectEndpoint(ctx: RequestContext, service: VpcEndpointServiceRow, endpointId: string): void {
  ctx.store.vpcEndpointServices.connections.insert({
    id: ctx.ids.id('vpce-con'),
    account: service.account,
    region: service.region,
    service_id: service.id,
    endpoint_id: endpointId,
    endpoint_owner: ctx.scope.account,
    created_at: ctx.now,
  });
}

export function listEndpointConnections(ctx: RequestContext, opts: ListOptions): VpcEndpointConnectionRow[] {
  return ctx.store.vpcEndpointServices.connections.list(ctx.scope, opts);
}

/**
 * AcceptVpcEndpointConnections / RejectVpcEndpointConnections (the owner): per endpoint, unknown to the service or
 * in the wrong state -> Unsuccessful. Accept: pendingAcceptance -> pending, and the back end makes it available;
 * Reject: pendingAcceptance, pending or available -> rejected (the consumer then deletes its endpoint).
 */
export function decideConnections(
  ctx: RequestContext,
  serviceId: string,
  endpointIds: readonly string[],
  accept: boolean,
): ItemFailure[] {
  const s = requireEndpointServiceConfig(ctx, serviceId);
  const failed: ItemFailure[] = [];
  for (const id of [...new Set(endpointIds)]) {
    const c = ctx.store.vpcEndpointServices.connections.byEndpoint(id);
    const ok = accept ? c?.endpoint_state === 'pendingAcceptance' : c !== undefined && LIVE_CONNECTION_STATES.has(c.endpoint_state);
    if (!c || c.service_id !== s.id || !ok) {
      const error = !c || c.service_id !== s.id ? EndpointServiceErrors.connectionNotFound(id) : EndpointServiceErrors.connectionState(id, c.endpoint_state);
      failed.push(itemFailure(id, error));
      continue;
    }
    const consumer: Scope = { account: c.endpoint_owner, region: c.endpoint_region };
    if (accept) {
      ctx.store.vpcEndpoints.update(id, { state: 'pending' });
      ctx.backend.schedule(consumer, 'vpc-endpoint', id, 'pending', 'available', ctx.now);
    } else {
      ctx.store.vpcEndpoints.update(id, { state: 'rejected' });
    }
    ctx.events.routeTargetsChanged(id);
  }
  return failed;
}

// ---------------------------------------------------------------------------------------------------------------
// connection notifications

const EVENTS = ['Connect', 'Accept', 'Reject', 'Delete'];
const SNS_ARN = /^arn:aws(?:-[a-z]+)*:sns:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,256}$/;

function checkNotification(arn: string | undefined, events: readonly string[] | undefined): void {
  if (arn !== undefined && !SNS_ARN.test(arn)) throw EndpointServiceErrors.notificationTopic(arn);
  if (events !== undefined) {
    if (events.length === 0) throw RequestErrors.missingParameter('ConnectionEvents');
    for (const e of events) if (!EVENTS.includes(e)) throw EndpointServiceErrors.notificationEvent(e);
  }
}

export function requireConnectionNotification(ctx: RequestContext, id: string): VpcEndpointConnectionNotificationRow {
  const n = ctx.store.vpcEndpointServices.notifications.get(ctx.scope, id);
  if (!n) throw EndpointServiceErrors.notificationNotFound(id);
  return n;
}

export function listConnectionNotifications(ctx: RequestContext, opts: ListOptions): VpcEndpointConnectionNotificationRow[] {
  return ctx.store.vpcEndpointServices.notifications.list(ctx.scope, opts);
}

/** For one of the caller's services or one of its endpoints (exactly one of the two). */
export function createConnectionNotification(
  ctx: RequestContext,
  spec: { ServiceId?: string; VpcEndpointId?: string; ConnectionNotificationArn: string; ConnectionEvents: readonly string[] },
  requireEndpoint: (id: string) => void,
): VpcEndpointConnectionNotificationRow {
  if ((spec.ServiceId === undefined) === (spec.VpcEndpointId === undefined)) throw EndpointServiceErrors.notificationTarget();
  if (spec.ServiceId !== undefined) requireEndpointServiceConfig(ctx, spec.ServiceId);
  if (spec.VpcEndpointId !== undefined) requireEndpoint(spec.VpcEndpointId);
  checkNotification(spec.ConnectionNotificationArn, spec.ConnectionEvents);
  const id = ctx.ids.id('vpce-nfn');
  ctx.store.vpcEndpointServices.notifications.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    service_id: spec.ServiceId ?? null,
    endpoint_id: spec.VpcEndpointId ?? null,
    topic_arn: spec.ConnectionNotificationArn,
    events: JSON.stringify([...new Set(spec.ConnectionEvents)]),
    state: 'Enabled',
    created_at: ctx.now,
  });
  return requireConnectionNotification(ctx, id);
}

export function modifyConnectionNotification(ctx: RequestContext, id: string, arn: string | undefined, events: readonly string[] | undefined): void {
  const n = requireConnectionNotification(ctx, id);
  checkNotification(arn, events);
  const updates: Partial<VpcEndpointConnectionNotificationRow> = {};
  if (arn !== undefined) updates.topic_arn = arn;
  if (events !== undefined) updates.events = JSON.stringify([...new Set(events)]);
  ctx.store.vpcEndpointServices.notifications.update(n.id, updates);
}

export function deleteConnectionNotifications(ctx: RequestContext, ids: readonly string[]): ItemFailure[] {
  const failed: ItemFailure[] = [];
  for (const id of [...new Set(ids)]) {
    const n = ctx.store.vpcEndpointServices.notifications.get(ctx.scope, id);
    if (!n) {
      failed.push(itemFailure(id, EndpointServiceErrors.notificationNotFound(id)));
      continue;
    }
    ctx.store.vpcEndpointServices.notifications.delete(n.id);
  }
  return failed;
}
