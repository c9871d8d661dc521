/**
 * Spot Instances (docs/behavior.md "Fleets and spot"): Spot Instance requests and the Spot price history.
 *
 *   RequestSpotInstances -> open (pending-evaluation) --(--pending-ms, back end)--> active (fulfilled)
 *   cancel: open -> cancelled (canceled-before-fulfillment); active -> cancelled, the instance keeps running
 *   the instance terminates: one-time -> closed; persistent -> open again, and the back end launches a new one
 *
 * An instance launched for a request is launched exactly as RunInstances would launch it from the request's
 * LaunchSpecification (planLaunch + launch), then marked InstanceLifecycle `spot` with its SpotInstanceRequestId.
 * There is no market: a request is fulfilled when the launch succeeds, and prices are a deterministic function of
 * type, zone and hour, plausible but not AWS's.
 */
import type { RequestContext } from '../core/context';
import { Ec2Error, SpotErrors } from '../errors';
import type {
  LaunchSpecification,
  RequestSpotInstancesRequest,
  RequestSpotLaunchSpecification,
  RunInstancesRequest,
  Tag,
} from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { InstanceRow, SpotRequestRow } from '../store/rows';
import { planLaunch, launch } from './launch';
import { zonesOf } from './regions';
import { addTags } from './tags';

// --- launching marked instances (shared with fleets) ------------------------------------------------------------

export interface LaunchMarks {
  lifecycle?: 'spot';
  spotRequestId?: string;
  fleetId?: string;
  fleetWeight?: number;
}

/** One instance launched as RunInstances launches it, then marked with what launched it. */
export function launchMarked(ctx: RequestContext, request: RunInstancesRequest, marks: LaunchMarks): InstanceRow {
  const single = { ...request, MinCount: 1, MaxCount: 1 };
  const plan = planLaunch(ctx, single);
  const { instances } = launch(ctx, single, plan);
  const row = instances[0];
  ctx.store.instances.update(row.id, {
    instance_lifecycle: marks.lifecycle ?? null,
    spot_instance_request_id: marks.spotRequestId ?? null,
    // a Spot Instance never runs in an On-Demand Capacity Reservation
    ...(marks.lifecycle === 'spot' ? { capacity_reservation_id: null } : {}),
    fleet_id: marks.fleetId ?? null,
    fleet_weight: marks.fleetWeight ?? null,
  });
  return ctx.store.instances.get(ctx.scope, row.id)!;
}

// --- prices ------------------------------------------------------------------------------------------------------

export const PRODUCT_DESCRIPTIONS = ['Linux/UNIX', 'Linux/UNIX (Amazon VPC)', 'Windows', 'Windows (Amazon VPC)'] as const;

const HOUR = 3_600_000;

/** FNV-1a of the parts, in [0, 1): cheap enough for the thousands of points a history page walks. */
function unit(...parts: string[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 0x1_0000_0000;
}

/**
 * The Spot price of a type in a zone for a product at the hour containing `at`: about a third of a plausible
 * on-demand price (vCPUs and memory), varying by zone and by hour within ±10 %. Same inputs, same price.
 */
export function spotPriceAt(ctx: Pick<RequestContext, 'instanceTypes'>, instanceType: string, zone: string, product: string, at: number): string {
  return priceFrom(typeBase(ctx, instanceType), instanceType, zone, product, at);
}

interface TypeBase {
  onDemand: number;
  windows: number;
}

/** A plausible on-demand price from vCPUs and memory (m5.large about $0.094), and the Windows licence on top. */
function typeBase(ctx: Pick<RequestContext, 'instanceTypes'>, instanceType: string): TypeBase {
  const info = ctx.instanceTypes.get(instanceType);
  const vcpus = info?.VCpuInfo?.DefaultVCpus ?? 1;
  const memGiB = (info?.MemoryInfo?.SizeInMiB ?? 1024) / 1024;
  // burstable types (t2, t3…) sell a fraction of their vCPUs
  const cpuShare = info?.BurstablePerformanceSupported ? 0.2 : 1;
  return { onDemand: vcpus * cpuShare * 0.0236 + memGiB * 0.0059, windows: vcpus * 0.046 };
}

/** A type's plausible on-demand hourly price for a product (what Reserved Instance offerings discount). */
export function onDemandHourly(ctx: Pick<RequestContext, 'instanceTypes'>, instanceType: string, product: string): number {
  const base = typeBase(ctx, instanceType);
  return base.onDemand + (product.startsWith('Windows') ? base.windows : 0);
}

function priceFrom(base: TypeBase, instanceType: string, zone: string, product: string, at: number): string {
  const hour = Math.floor(at / HOUR);
  const zoneFactor = 0.28 + 0.1 * unit(instanceType, zone);
  const drift = 1 + 0.2 * (unit(instanceType, zone, String(hour)) - 0.5);
  const windows = product.startsWith('Windows') ? base.windows : 0;
  return Math.max(0.0016, (base.onDemand * zoneFactor + windows) * drift).toFixed(6);
}

export interface PricePoint {
  seq: number;
  zone: string;
  zoneId: string;
  instanceType: string;
  product: string;
  price: string;
  at: number;
}

/** Most points one history walks (hours are dropped from the old end past it), so a filter can never scan for long. */
const MAX_POINTS = 200_000;

export interface PriceHistory {
  total: number;
  /** Point n (1-based, the seq the pager walks), computed when asked. */
  point(n: number): PricePoint;
}

/**
 * The price points DescribeSpotPriceHistory walks, newest hour first: per hour in [StartTime, EndTime] (the point in
 * force at StartTime included), per type (the asked ones, else every type of the catalog), zone and product.
 * Without times: the current prices only, as AWS answers. Points are computed lazily, one page at a time.
 */
export function spotPriceHistory(
  ctx: RequestContext,
  q: { instanceTypes?: readonly string[]; products?: readonly string[]; zone?: string; zoneId?: string; start?: Date; end?: Date },
): PriceHistory {
  const types = q.instanceTypes?.length ? q.instanceTypes.filter((t) => ctx.instanceTypes.exists(t)) : ctx.instanceTypes.names();
  // a product AWS does not sell has no prices (and no points to walk)
  const products = q.products?.length ? q.products.filter((p) => (PRODUCT_DESCRIPTIONS as readonly string[]).includes(p)) : PRODUCT_DESCRIPTIONS;
  const zones = zonesOf(ctx.scope.region).filter((z) => (q.zone === undefined || z.name === q.zone) && (q.zoneId === undefined || z.id === q.zoneId));
  const end = Math.min(q.end?.getTime() ?? ctx.now, ctx.now);
  const start = q.start ? Math.min(q.start.getTime(), end) : end;
  const perHour = types.length * zones.length * products.length;
  const lastHour = Math.floor(end / HOUR);
  const hours = perHour === 0 ? 0 : Math.min(lastHour - Math.floor(start / HOUR) + 1, Math.max(1, Math.floor(MAX_POINTS / perHour)));
  const bases = new Map<string, TypeBase>();
  return {
    total: hours * perHour,
    point(n) {
      let i = n - 1;
      const product = products[i % products.length];
      i = Math.floor(i / products.length);
      const z = zones[i % zones.length];
      i = Math.floor(i / zones.length);
      const instanceType = types[i % types.length];
      const at = (lastHour - Math.floor(i / types.length)) * HOUR;
      let base = bases.get(instanceType);
      if (!base) bases.set(instanceType, (base = typeBase(ctx, instanceType)));
      return { seq: n, zone: z.name, zoneId: z.id, instanceType, product, price: priceFrom(base, instanceType, z.name, product, at), at };
    },
  };
}

// --- Spot Instance requests ---------------------------------------------------------------------------------------

/**
 * Status codes and messages (EC2 User Guide, "Spot request status"): the codes are AWS's; the messages of
 * fulfilled and pending-evaluation are as AWS writes them, the others guesses in the same voice.
 */
const STATUS = {
  pendingEvaluation: ['pending-evaluation', 'Your Spot request has been submitted for review, and is pending evaluation.'],
  fulfilled: ['fulfilled', 'Your spot request is fulfilled.'],
  canceledBeforeFulfillment: ['canceled-before-fulfillment', 'Your Spot request was canceled before it was fulfilled.'], // guess
  canceledRunning: ['request-canceled-and-instance-running', 'Spot Instance request is canceled, but the instance is still running.'], // guess
  terminatedByUser: ['instance-terminated-by-user', 'Spot Instance terminated due to user-initiated termination.'], // guess
  badParameters: ['bad-parameters', 'One or more parameters for your Spot request are not valid.'], // guess
  capacityNotAvailable: ['capacity-not-available', 'There is no capacity available for the instance type in the Availability Zone.'], // guess
} as const;

type Status = (typeof STATUS)[keyof typeof STATUS];

function setStatus(ctx: RequestContext, id: string, state: string, status: Status, extra: Partial<SpotRequestRow> = {}): void {
  ctx.store.spotRequests.update(id, { state, status_code: status[0], status_message: status[1], status_update_time: ctx.now, ...extra });
}

export function requireSpotRequests(ctx: RequestContext, ids: readonly string[]): SpotRequestRow[] {
  const found = ctx.store.spotRequests.getMany(ctx.scope, ids);
  return ids.map((id) => {
    const r = found.get(id);
    if (!r) throw /^sir-[0-9a-z]{8}$/.test(id) ? SpotErrors.notFound(id) : SpotErrors.malformed(id);
    return r;
  });
}

export function listSpotRequests(ctx: RequestContext, opts: ListOptions): SpotRequestRow[] {
  return ctx.store.spotRequests.list(ctx.scope, opts);
}

export function existingSpotRequestIds(ctx: RequestContext, ids: readonly string[]): Set<string> {
  return new Set(ctx.store.spotRequests.getMany(ctx.scope, ids).keys());
}

/** RequestSpotLaunchSpecification -> RunInstances' members (the same names but AddressingType, which EC2-VPC ignores). */
export function runRequestOf(spec: RequestSpotLaunchSpecification): RunInstancesRequest {
  const { AddressingType: _ignored, Placement, ...rest } = spec;
  const out: RunInstancesRequest = { ...rest, MinCount: 1, MaxCount: 1 };
  if (Placement) out.Placement = { AvailabilityZone: Placement.AvailabilityZone, GroupName: Placement.GroupName, Tenancy: Placement.Tenancy };
  return out;
}

/** What DescribeSpotInstanceRequests shows of the launch specification (groups as GroupIdentifiers). */
export function presentLaunchSpecification(spec: RequestSpotLaunchSpecification): LaunchSpecification {
  const { SecurityGroupIds, SecurityGroups, ...rest } = spec;
  const groups = [...(SecurityGroupIds ?? []).map((GroupId) => ({ GroupId })), ...(SecurityGroups ?? []).map((GroupName) => ({ GroupName }))];
  return { ...rest, SecurityGroups: groups.length ? groups : undefined };
}

/**
 * RequestSpotInstances: the launch specification is checked now as RunInstances checks it (a bad image, subnet or
 * group is a synchronous error, nothing is written), then InstanceCount requests are created `open` and the back
 * end fulfils each.
 */
export function requestSpotInstances(ctx: RequestContext, input: RequestSpotInstancesRequest, tags: readonly Tag[]): SpotRequestRow[] {
  const spec = input.LaunchSpecification;
  if (!spec) throw SpotErrors.missingLaunchSpecification();
  const count = input.InstanceCount ?? 1;
  if (count < 1) throw SpotErrors.instanceCount(count);
  if (input.SpotPrice !== undefined && !(Number(input.SpotPrice) > 0)) throw SpotErrors.spotPrice(input.SpotPrice);
  planLaunch(ctx, runRequestOf(spec));
  const instanceType = spec.InstanceType ?? 'm1.small';
  const zone = spec.Placement?.AvailabilityZone ?? zonesOf(ctx.scope.region)[0].name;
  // No SpotPrice: the maximum is the on-demand price; shown as AWS shows a default one (a plausible value). A
  // given one is shown with six decimals too ("0.5" -> "0.500000", as in the aws-cli's documented output).
  const maxPrice = (input.SpotPrice !== undefined ? Number(input.SpotPrice) : Number(spotPriceAt(ctx, instanceType, zone, 'Linux/UNIX', ctx.now)) * 3).toFixed(6);
  const rows: SpotRequestRow[] = [];
  for (let k = 0; k < count; k++) {
    const id = `sir-${ctx.ids.hex(8)}`;
    ctx.store.spotRequests.insert({
      id,
      account: ctx.scope.account,
      region: ctx.scope.region,
      type: input.Type ?? 'one-time',
      state: 'open',
      status_code: STATUS.pendingEvaluation[0],
      status_message: STATUS.pendingEvaluation[1],
      status_update_time: ctx.now,
      spot_price: maxPrice,
      launch_specification: JSON.stringify(spec),
      instance_id: null,
      launched_availability_zone: null,
      interruption_behavior: input.InstanceInterruptionBehavior ?? 'terminate',
      valid_from: input.ValidFrom?.getTime() ?? null,
      valid_until: input.ValidUntil?.getTime() ?? null,
      launch_group: input.LaunchGroup ?? null,
      availability_zone_group: input.AvailabilityZoneGroup ?? null,
      client_token: input.ClientToken ?? null,
      created_at: ctx.now,
    });
    addTags(ctx, id, 'spot-instances-request', tags);
    ctx.backend.schedule(ctx.scope, 'spot-request', id, 'open', 'active', ctx.now + ctx.config.pendingMs);
    rows.push(ctx.store.spotRequests.get(ctx.scope, id)!);
  }
  return rows;
}

/** CancelSpotInstanceRequests: open and active requests become cancelled; a launched instance keeps running. */
export function cancelSpotRequests(ctx: RequestContext, ids: readonly string[]): Array<{ id: string; state: string }> {
  return requireSpotRequests(ctx, ids).map((r) => {
    if (r.state === 'open') {
      ctx.backend.cancel('spot-request', r.id);
      setStatus(ctx, r.id, 'cancelled', STATUS.canceledBeforeFulfillment);
    } else if (r.state === 'active') {
      setStatus(ctx, r.id, 'cancelled', STATUS.canceledRunning);
    }
    return { id: r.id, state: ctx.store.spotRequests.get(ctx.scope, r.id)!.state };
  });
}

/** The back end fulfils an open request: one instance from its launch specification. */
export function applySpotRequestTransition(ctx: RequestContext, id: string, to: string): void {
  const r = ctx.store.spotRequests.get(ctx.scope, id);
  if (!r || to !== 'active' || r.state !== 'open') return;
  const spec = JSON.parse(r.launch_specification) as RequestSpotLaunchSpecification;
  let instance: InstanceRow;
  try {
    instance = launchMarked(ctx, runRequestOf(spec), { lifecycle: 'spot', spotRequestId: r.id });
  } catch (e) {
    if (!(e instanceof Ec2Error)) throw e;
    // The launch's checks write nothing before they throw, so the request can record why it is not fulfilled.
    const capacity = e.code.startsWith('Insufficient') || e.code === 'AttachmentLimitExceeded';
    if (capacity) setStatus(ctx, r.id, 'open', STATUS.capacityNotAvailable);
    else setStatus(ctx, r.id, 'failed', STATUS.badParameters);
    return;
  }
  setStatus(ctx, r.id, 'active', STATUS.fulfilled, { instance_id: instance.id, launched_availability_zone: instance.availability_zone });
}

/**
 * An instance launched for a Spot request has terminated: a one-time request closes; a persistent one opens again
 * and the back end launches a replacement. Cancelled requests stay cancelled.
 */
export function spotInstanceTerminated(ctx: RequestContext, instance: InstanceRow): void {
  if (!instance.spot_instance_request_id) return;
  const r = ctx.store.spotRequests.get(ctx.scope, instance.spot_instance_request_id);
  if (!r || r.state !== 'active' || r.instance_id !== instance.id) return;
  if (r.type === 'persistent') {
    setStatus(ctx, r.id, 'open', STATUS.terminatedByUser, { instance_id: null });
    ctx.backend.schedule(ctx.scope, 'spot-request', r.id, 'open', 'active', ctx.now + ctx.config.pendingMs);
  } else {
    setStatus(ctx, r.id, 'closed', STATUS.terminatedByUser);
  }
}

/**
 * The Spot Instance request a Spot Fleet places for one of its Spot Instances (docs/behavior.md "Spot Fleet
 * requests"): made already `active` / `fulfilled` with the instance it was fulfilled by, `one-time` (the fleet, not
 * the request, replaces instances), tagged with the fleet's id.
 */
export function recordFleetSpotRequest(
  ctx: RequestContext,
  r: { id: string; fleetId: string; spec: RequestSpotLaunchSpecification; instance: InstanceRow; spotPrice?: string; interruption?: string },
): void {
  recordFulfilledSpotRequest(ctx, { ...r, type: 'one-time' });
  ctx.store.tags.put(ctx.scope, r.id, 'spot-instances-request', [{ Key: 'aws:ec2spot:fleet-request-id', Value: r.fleetId }]);
}

/** A Spot request that is `active` / `fulfilled` from the start, by the instance just launched for it. */
function recordFulfilledSpotRequest(
  ctx: RequestContext,
  r: { id: string; spec: RequestSpotLaunchSpecification; instance: InstanceRow; spotPrice?: string; interruption?: string; type: string; validUntil?: number },
): void {
  const price = (r.spotPrice !== undefined ? Number(r.spotPrice) : Number(spotPriceAt(ctx, r.instance.instance_type, r.instance.availability_zone, 'Linux/UNIX', ctx.now)) * 3).toFixed(6);
  ctx.store.spotRequests.insert({
    id: r.id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    type: r.type,
    state: 'active',
    status_code: STATUS.fulfilled[0],
    status_message: STATUS.fulfilled[1],
    status_update_time: ctx.now,
    spot_price: price,
    launch_specification: JSON.stringify(r.spec),
    instance_id: r.instance.id,
    launched_availability_zone: r.instance.availability_zone,
    interruption_behavior: r.interruption ?? 'terminate',
    valid_from: null,
    valid_until: r.validUntil ?? null,
    launch_group: null,
    availability_zone_group: null,
    client_token: null,
    created_at: ctx.now,
  });
}

/**
 * RunInstances' Spot options, checked before anything launches: a maximum price above zero, and a persistent
 * request only with the stop or hibernate interruption behaviour (AWS's API reference for SpotMarketOptions).
 */
export function checkSpotMarketOptions(request: RunInstancesRequest): void {
  const o = request.InstanceMarketOptions?.SpotOptions;
  if (request.InstanceMarketOptions?.MarketType !== 'spot' || !o) return;
  if (o.MaxPrice !== undefined && !(Number(o.MaxPrice) > 0)) throw SpotErrors.spotPrice(o.MaxPrice);
  if (o.SpotInstanceType === 'persistent' && (o.InstanceInterruptionBehavior ?? 'terminate') === 'terminate') throw SpotErrors.persistentTerminate();
}

/**
 * RunInstances with InstanceMarketOptions.MarketType `spot`: the instances launch at once (as on AWS), each a Spot
 * Instance with its own request, `active` / `fulfilled`, of the SpotOptions' type (one-time by default), maximum
 * price and interruption behaviour; a persistent request relaunches when its instance is terminated, as any other.
 */
export function markSpotLaunch(ctx: RequestContext, request: RunInstancesRequest, instances: readonly InstanceRow[]): InstanceRow[] {
  const o = request.InstanceMarketOptions?.SpotOptions;
  const spec = launchSpecificationOf(request);
  return instances.map((instance) => {
    const id = `sir-${ctx.ids.hex(8)}`;
    recordFulfilledSpotRequest(ctx, {
      id,
      spec: { ...spec, Placement: { ...spec.Placement, AvailabilityZone: instance.availability_zone } },
      instance,
      spotPrice: o?.MaxPrice,
      interruption: o?.InstanceInterruptionBehavior,
      type: o?.SpotInstanceType ?? 'one-time',
      validUntil: o?.ValidUntil?.getTime(),
    });
    ctx.store.instances.update(instance.id, { instance_lifecycle: 'spot', spot_instance_request_id: id });
    return ctx.store.instances.get(ctx.scope, instance.id)!;
  });
}

/** The launch specification a RunInstances request amounts to, for its Spot requests (the members they share). */
function launchSpecificationOf(r: RunInstancesRequest): RequestSpotLaunchSpecification {
  return {
    ImageId: r.ImageId,
    InstanceType: r.InstanceType,
    KeyName: r.KeyName,
    SubnetId: r.SubnetId,
    SecurityGroupIds: r.SecurityGroupIds,
    SecurityGroups: r.SecurityGroups,
    NetworkInterfaces: r.NetworkInterfaces,
    BlockDeviceMappings: r.BlockDeviceMappings,
    EbsOptimized: r.EbsOptimized,
    IamInstanceProfile: r.IamInstanceProfile,
    Monitoring: r.Monitoring?.Enabled !== undefined ? { Enabled: r.Monitoring.Enabled } : undefined,
    UserData: r.UserData,
    Placement: r.Placement ? { AvailabilityZone: r.Placement.AvailabilityZone, GroupName: r.Placement.GroupName, Tenancy: r.Placement.Tenancy } : undefined,
  } as RequestSpotLaunchSpecification;
}
