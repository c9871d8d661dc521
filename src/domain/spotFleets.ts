/**
 * Spot Fleet requests (docs/behavior.md "Spot Fleet requests"). Built like EC2 Fleets (src/domain/fleets.ts): every
 * instance is one launch through the whole RunInstances path, so a launch specification with several
 * NetworkInterfaces gives multi-NIC instances, each interface taking its own address from its subnet.
 *
 *   RequestSpotFleet:  submitted --(--pending-ms, back end)--> active (launches the target)
 *   maintain:          an instance terminates -> the back end launches a replacement
 *   ModifySpotFleetRequest (maintain only): modifying --(back end)--> active; a lower target terminates the excess
 *                      (ExcessCapacityTerminationPolicy `default`), a higher one launches
 *   CancelSpotFleetRequests: TerminateInstances -> cancelled_terminating --(--shutting-down-ms)--> cancelled;
 *                      otherwise cancelled_running, and cancelled once its last instance is gone
 *   ValidUntil:        the request expires (cancelled, instances terminated if TerminateInstancesWithExpiration)
 *
 * A pool is one launch specification in one of its subnets (SubnetId "subnet-a, subnet-b") or zones, or one
 * launch template override. Each Spot Instance comes with its Spot Instance request (`sir-…`, active, fulfilled).
 */
import type { RequestContext } from '../core/context';
import { CancelSpotFleetErrors, Ec2Error, RequestErrors, SpotFleetErrors } from '../errors';
import type {
  FleetLaunchTemplateConfigRequest,
  LaunchTemplateConfig,
  LaunchTemplateOverrides,
  ModifySpotFleetRequestRequest,
  RequestSpotLaunchSpecification,
  RunInstancesRequest,
  SpotFleetLaunchSpecification,
  SpotFleetRequestConfigData,
  Tag,
} from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { InstanceRow, SpotFleetRow } from '../store/rows';
import { event, FLEET_LAUNCHES_PER_STEP, MAX_FLEET_TARGET_CAPACITY, requestOf, slotsOf } from './fleets';
import { terminateInstances } from './instances';
import { planLaunch } from './launch';
import { tagLaunchedFromTemplate } from './launchTemplates';
import { zonesOf } from './regions';
import { cancelSpotRequests, launchMarked, recordFleetSpotRequest, spotPriceAt } from './spot';
import { addTags, tagsFromSpecifications } from './tags';

type Lifecycle = 'spot' | 'on-demand';

const SFR_ID = /^sfr-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

interface Pool {
  /** Rank among equals: the order the request lists them in. */
  order: number;
  weight: number;
  priority: number;
  instanceType: string;
  zone: string;
  /** Where the instance lands (subnet, else zone): counts the fleet's capacity per pool. */
  key: string;
  spotPrice?: string;
  build: () => { req: RunInstancesRequest; source?: ReturnType<typeof requestOf>['source'] };
}

export function spotFleetId(ctx: RequestContext): string {
  const h = ctx.ids.hex(32);
  return `sfr-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const spotFleetConfig = (f: SpotFleetRow): SpotFleetRequestConfigData => JSON.parse(f.config) as SpotFleetRequestConfigData;

export function requireSpotFleet(ctx: RequestContext, id: string): SpotFleetRow {
  const f = ctx.store.spotFleets.get(ctx.scope, id);
  if (!f) throw SFR_ID.test(id) ? SpotFleetErrors.notFound(id) : SpotFleetErrors.malformed(id);
  return f;
}

export function listSpotFleets(ctx: RequestContext, opts: ListOptions): SpotFleetRow[] {
  return ctx.store.spotFleets.list(ctx.scope, opts);
}

/** The first of the missing ids as AWS names it (malformed before unknown). */
export function spotFleetNotFound(missing: readonly string[]): Ec2Error {
  const bad = missing.find((id) => !SFR_ID.test(id));
  return bad !== undefined ? SpotFleetErrors.malformed(bad) : SpotFleetErrors.notFound(missing[0]);
}

// --- pools -------------------------------------------------------------------------------------------------------

const commaList = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

/** Where a request lands: its placement zone, else the zone of its (primary interface's) subnet, else the first. */
function placeOf(ctx: RequestContext, req: RunInstancesRequest): { zone: string; key: string } {
  const primary = req.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  const subnet = req.SubnetId ?? primary?.SubnetId;
  const subnetZone = subnet ? ctx.store.subnets.get(ctx.scope, subnet)?.availability_zone : undefined;
  const zone = req.Placement?.AvailabilityZone ?? subnetZone ?? zonesOf(ctx.scope.region)[0].name;
  return { zone, key: subnet ?? zone };
}

/**
 * A launch specification without the free-text members sent empty: the parser keeps them so that
 * DescribeSpotFleetRequests echoes the specification as sent (src/protocol/queryParser.ts emptyMeansAbsent), but
 * for the launch an empty member is one not sent, as everywhere else in EC2 (tag `Value`s stay).
 */
function sentMembers<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => sentMembers(v)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === '' && k !== 'Value' && k !== 'NoDevice') continue;
    out[k] = sentMembers(v);
  }
  return out as T;
}

/**
 * SpotFleetLaunchSpecification -> RunInstances' members for one subnet or zone of its lists. The specification's
 * subnet goes to the interfaces that name none, its security groups to those that name none (RunInstances takes
 * groups per interface when interfaces are given).
 */
function runRequestOfSpec(spec: SpotFleetLaunchSpecification, place: { subnet?: string; zone?: string }): RunInstancesRequest {
  const {
    AddressingType: _a,
    SecurityGroups,
    Placement,
    SubnetId: _s,
    WeightedCapacity: _w,
    SpotPrice: _p,
    TagSpecifications,
    InstanceRequirements: _r,
    Monitoring,
    NetworkInterfaces,
    IamInstanceProfile,
    ...rest
  } = spec;
  const req: RunInstancesRequest = { ...rest, MinCount: 1, MaxCount: 1 };
  // An IamInstanceProfile naming nothing (Terraform always sends `IamInstanceProfile.Name=`) is no profile: AWS
  // launches Terraform's Spot Fleets without one.
  if (IamInstanceProfile?.Arn !== undefined || IamInstanceProfile?.Name !== undefined) req.IamInstanceProfile = IamInstanceProfile;
  if (Monitoring) req.Monitoring = { Enabled: Monitoring.Enabled ?? false };
  const zone = place.zone ?? commaList(Placement?.AvailabilityZone)[0];
  if (zone !== undefined || Placement?.GroupName !== undefined || Placement?.Tenancy !== undefined) {
    req.Placement = { AvailabilityZone: zone, GroupName: Placement?.GroupName, Tenancy: Placement?.Tenancy };
  }
  const groupIds = (SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []));
  const groupNames = (SecurityGroups ?? []).flatMap((g) => (!g.GroupId && g.GroupName ? [g.GroupName] : []));
  if (NetworkInterfaces?.length) {
    req.NetworkInterfaces = NetworkInterfaces.map((n) => {
      const out = { ...n };
      if (out.NetworkInterfaceId === undefined && out.SubnetId === undefined && place.subnet !== undefined) out.SubnetId = place.subnet;
      if (out.NetworkInterfaceId === undefined && out.Groups === undefined && groupIds.length) out.Groups = groupIds;
      return out;
    });
  } else {
    if (place.subnet !== undefined) req.SubnetId = place.subnet;
    if (groupIds.length) req.SecurityGroupIds = groupIds;
    if (groupNames.length) req.SecurityGroups = groupNames;
  }
  const tags = (TagSpecifications ?? []).filter((t) => t.ResourceType === 'instance').flatMap((t) => t.Tags ?? []);
  if (tags.length) req.TagSpecifications = [{ ResourceType: 'instance', Tags: tags }];
  return req;
}

function poolsOf(ctx: RequestContext, config: SpotFleetRequestConfigData): Pool[] {
  const pools: Pool[] = [];
  if (config.LaunchTemplateConfigs?.length) {
    for (const slot of slotsOf(ctx, config.LaunchTemplateConfigs as FleetLaunchTemplateConfigRequest[])) {
      const { req } = requestOf(ctx, slot, []);
      const override = slot.override as LaunchTemplateOverrides;
      pools.push({
        order: pools.length,
        weight: slot.weight,
        priority: slot.priority,
        instanceType: req.InstanceType ?? 'm1.small',
        ...placeOf(ctx, req),
        spotPrice: override.SpotPrice,
        build: () => requestOf(ctx, slot, []),
      });
    }
    return pools;
  }
  for (const given of config.LaunchSpecifications ?? []) {
    const spec = sentMembers(given);
    const weight = spec.WeightedCapacity ?? 1;
    if (!(weight > 0)) throw SpotFleetErrors.invalidConfig('LaunchSpecifications.WeightedCapacity');
    const subnets = commaList(spec.SubnetId);
    const zones = commaList(spec.Placement?.AvailabilityZone);
    const places: Array<{ subnet?: string; zone?: string }> = subnets.length
      ? subnets.map((subnet) => ({ subnet }))
      : zones.length
        ? zones.map((zone) => ({ zone }))
        : [{}];
    for (const place of places) {
      const req = runRequestOfSpec(spec, place);
      pools.push({
        order: pools.length,
        weight,
        priority: Number.POSITIVE_INFINITY,
        instanceType: req.InstanceType ?? 'm1.small',
        ...placeOf(ctx, req),
        spotPrice: spec.SpotPrice,
        build: () => ({ req }),
      });
    }
  }
  return pools;
}

/**
 * The pools a lifecycle launches into, and the spares that take a failed pool's place. Spot: `lowestPrice` the
 * InstancePoolsToUseCount cheapest per unit, `diversified` all, `priceCapacityOptimized` the cheapest,
 * `capacityOptimized` the first listed (capacity is the same everywhere), `capacityOptimizedPrioritized` the first by
 * Priority. On-demand: the cheapest, or by Priority with `prioritized`.
 */
function rank(ctx: RequestContext, config: SpotFleetRequestConfigData, pools: Pool[], lifecycle: Lifecycle): { chosen: Pool[]; spare: Pool[] } {
  const price = (p: Pool) => Number(spotPriceAt(ctx, p.instanceType, p.zone, 'Linux/UNIX', ctx.now)) / p.weight;
  const byPrice = () => [...pools].sort((a, b) => price(a) - price(b) || a.order - b.order);
  const byPriority = () => [...pools].sort((a, b) => a.priority - b.priority || a.order - b.order);
  const take = (list: Pool[], n: number) => ({ chosen: list.slice(0, n), spare: list.slice(n) });
  if (lifecycle === 'on-demand') return take(config.OnDemandAllocationStrategy === 'prioritized' ? byPriority() : byPrice(), 1);
  switch (config.AllocationStrategy ?? 'lowestPrice') {
    case 'diversified':
      return take([...pools], pools.length);
    case 'lowestPrice':
      return take(byPrice(), Math.max(1, config.InstancePoolsToUseCount ?? 1));
    case 'priceCapacityOptimized':
      return take(byPrice(), 1);
    case 'capacityOptimizedPrioritized':
      return take(byPriority(), 1);
    default:
      return take([...pools], 1);
  }
}

const lifecycleOf = (i: InstanceRow): Lifecycle => (i.instance_lifecycle === 'spot' ? 'spot' : 'on-demand');
const poolKeyOf = (i: InstanceRow) => `${i.instance_type}|${i.subnet_id ?? i.availability_zone}`;

/** Capacity units of the fleet's live instances, per lifecycle. */
function fulfilled(ctx: RequestContext, id: string): Record<Lifecycle, number> {
  const out: Record<Lifecycle, number> = { 'on-demand': 0, spot: 0 };
  for (const i of ctx.store.fleets.liveInstances(id)) out[lifecycleOf(i)] += i.fleet_weight ?? 1;
  return out;
}

/** Specification as DescribeSpotInstanceRequests shows it for a fleet's request: what the instance was launched with. */
function spotSpecOf(req: RunInstancesRequest, instance: InstanceRow): RequestSpotLaunchSpecification {
  return {
    ImageId: req.ImageId ?? instance.image_id,
    InstanceType: instance.instance_type as RequestSpotLaunchSpecification['InstanceType'],
    KeyName: req.KeyName,
    SubnetId: req.NetworkInterfaces?.length ? undefined : instance.subnet_id,
    NetworkInterfaces: req.NetworkInterfaces,
    SecurityGroupIds: req.SecurityGroupIds,
    SecurityGroups: req.SecurityGroups,
    BlockDeviceMappings: req.BlockDeviceMappings,
    IamInstanceProfile: req.IamInstanceProfile,
    EbsOptimized: req.EbsOptimized,
    Monitoring: req.Monitoring,
    Placement: { AvailabilityZone: instance.availability_zone, GroupName: req.Placement?.GroupName, Tenancy: req.Placement?.Tenancy },
  };
}

function launchOne(ctx: RequestContext, fleet: SpotFleetRow, config: SpotFleetRequestConfigData, pool: Pool, lifecycle: Lifecycle): InstanceRow {
  const { req, source } = pool.build();
  const sirId = lifecycle === 'spot' ? `sir-${ctx.ids.hex(8)}` : undefined;
  const instance = launchMarked(ctx, req, { lifecycle: lifecycle === 'spot' ? 'spot' : undefined, spotRequestId: sirId, fleetId: fleet.id, fleetWeight: pool.weight });
  if (source) tagLaunchedFromTemplate(ctx, [instance.id], source);
  ctx.store.tags.put(ctx.scope, instance.id, 'instance', [{ Key: 'aws:ec2spot:fleet-request-id', Value: fleet.id }]);
  if (sirId) {
    recordFleetSpotRequest(ctx, {
      id: sirId,
      fleetId: fleet.id,
      spec: spotSpecOf(req, instance),
      instance,
      spotPrice: pool.spotPrice ?? config.SpotPrice,
      interruption: config.InstanceInterruptionBehavior,
    });
  }
  const description = JSON.stringify({ instanceType: instance.instance_type, image: instance.image_id, productDescription: 'Linux/UNIX', availabilityZone: instance.availability_zone });
  event(ctx, fleet.id, 'instanceChange', 'launched', instance.id, description);
  return instance;
}

/**
 * Launches `need` capacity units of a lifecycle: each launch goes to the chosen pool holding the fewest of the
 * fleet's units (so `diversified` spreads evenly, replacements go where capacity is missing); a pool whose launch
 * fails is dropped for this round, recorded, and the next spare pool takes its place. Each try spends one of the
 * step's `budget.left` launches. True when a launch failed.
 */
function fill(
  ctx: RequestContext,
  fleet: SpotFleetRow,
  config: SpotFleetRequestConfigData,
  pools: Pool[],
  lifecycle: Lifecycle,
  need: number,
  budget: { left: number },
): boolean {
  const { chosen, spare } = rank(ctx, config, pools, lifecycle);
  const units = new Map<string, number>();
  for (const i of ctx.store.fleets.liveInstances(fleet.id)) {
    if (lifecycleOf(i) === lifecycle) units.set(poolKeyOf(i), (units.get(poolKeyOf(i)) ?? 0) + (i.fleet_weight ?? 1));
  }
  const unitsOf = (p: Pool) => units.get(`${p.instanceType}|${p.key}`) ?? 0;
  let got = 0;
  let failed = false;
  while (got < need && chosen.length > 0 && budget.left > 0) {
    const pool = chosen.reduce((best, p) => (unitsOf(p) < unitsOf(best) ? p : best));
    budget.left--;
    try {
      const instance = launchOne(ctx, fleet, config, pool, lifecycle);
      units.set(poolKeyOf(instance), (units.get(poolKeyOf(instance)) ?? 0) + pool.weight);
      got += pool.weight;
    } catch (e) {
      if (!(e instanceof Ec2Error)) throw e;
      // Launch checks write nothing before they throw: the fleet records why and tries another pool.
      failed = true;
      chosen.splice(chosen.indexOf(pool), 1);
      if (spare.length) chosen.push(spare.shift()!);
      event(ctx, fleet.id, 'information', 'launchSpecUnusable', null, `${pool.instanceType}, ${pool.key}, Linux/UNIX: ${e.code}: ${e.message}`);
    }
  }
  if (got < need && chosen.length === 0) event(ctx, fleet.id, 'error', 'allLaunchSpecsTemporarilyBlacklisted', null, 'All launch specifications failed to launch; the fleet will try again when it is modified or an instance is replaced.');
  return failed;
}

/**
 * Launches what the fleet lacks of each share of its target, at most FLEET_LAUNCHES_PER_STEP launches: when the
 * step's budget runs out first, a further step (`launching` -> `active`) is scheduled at once. Records the fleet's
 * fulfilled capacity and activity.
 */
function topUp(ctx: RequestContext, fleet: SpotFleetRow): void {
  const config = spotFleetConfig(fleet);
  let failed = false;
  const budget = { left: FLEET_LAUNCHES_PER_STEP };
  try {
    const pools = poolsOf(ctx, config);
    const have = fulfilled(ctx, fleet.id);
    const targets: Record<Lifecycle, number> = {
      'on-demand': fleet.on_demand_target_capacity,
      spot: Math.max(0, fleet.target_capacity - fleet.on_demand_target_capacity),
    };
    for (const lifecycle of ['on-demand', 'spot'] as const) {
      const need = targets[lifecycle] - have[lifecycle];
      if (need > 0) failed = fill(ctx, fleet, config, pools, lifecycle, need, budget) || failed;
    }
    const now = fulfilled(ctx, fleet.id);
    const short = now['on-demand'] < targets['on-demand'] || now.spot < targets.spot;
    const progressed = now['on-demand'] + now.spot > have['on-demand'] + have.spot;
    // out of launches but not of pools: the rest is the next step's (a step that launched nothing does not repeat)
    if (budget.left === 0 && short && progressed) ctx.backend.schedule(ctx.scope, 'spot-fleet', fleet.id, 'launching', 'active', ctx.now);
  } catch (e) {
    if (!(e instanceof Ec2Error)) throw e;
    // a launch template deleted since the request: the configuration no longer launches
    failed = true;
    event(ctx, fleet.id, 'error', 'spotFleetRequestConfigurationInvalid', null, `${e.code}: ${e.message}`);
  }
  refreshCapacity(ctx, fleet.id, failed);
}

function refreshCapacity(ctx: RequestContext, id: string, failed = false): void {
  const fleet = ctx.store.spotFleets.get(ctx.scope, id)!;
  const now = fulfilled(ctx, id);
  const total = now['on-demand'] + now.spot;
  const live = fleet.state === 'active' || fleet.state === 'submitted' || fleet.state === 'modifying';
  ctx.store.spotFleets.update(id, {
    fulfilled_capacity: total,
    on_demand_fulfilled_capacity: now['on-demand'],
    activity_status: !live ? fleet.activity_status : total >= fleet.target_capacity ? 'fulfilled' : failed ? 'error' : 'pending_fulfillment',
  });
}

// --- the calls ---------------------------------------------------------------------------------------------------

/** `default` or `noTermination`, in any case (terraform-provider-aws sends `Default`); kept as given. */
function checkExcessPolicy(v: string | undefined): void {
  if (v !== undefined && v.toLowerCase() !== 'default' && v.toLowerCase() !== 'notermination') throw SpotFleetErrors.excessPolicy(v);
}

const stored = (config: SpotFleetRequestConfigData) => JSON.stringify({ ...config, FulfilledCapacity: undefined, OnDemandFulfilledCapacity: undefined });

/** What only the configuration says, in the order AWS is seen to check it (role, type, capacity, specs, times). */
function checkConfig(ctx: RequestContext, config: SpotFleetRequestConfigData): void {
  if (!ROLE_ARN.test(config.IamFleetRole)) throw SpotFleetErrors.invalidConfig('IamFleetRole');
  if (config.Type === 'instant') throw SpotFleetErrors.instantType();
  if (!(config.TargetCapacity >= 0)) throw SpotFleetErrors.invalidConfig('TargetCapacity');
  if (config.TargetCapacity > MAX_FLEET_TARGET_CAPACITY) throw SpotFleetErrors.targetCapacityQuota(config.TargetCapacity, MAX_FLEET_TARGET_CAPACITY);
  const onDemand = config.OnDemandTargetCapacity ?? 0;
  if (onDemand < 0) throw SpotFleetErrors.invalidConfig('OnDemandTargetCapacity');
  if (onDemand > config.TargetCapacity) throw SpotFleetErrors.onDemandAboveTarget(onDemand, config.TargetCapacity);
  const specs = config.LaunchSpecifications?.length ?? 0;
  const templates = config.LaunchTemplateConfigs?.length ?? 0;
  if (specs === 0 && templates === 0) throw SpotFleetErrors.noLaunchSpecs();
  if (specs > 0 && templates > 0) throw SpotFleetErrors.bothLaunchSpecs();
  if (config.SpotPrice !== undefined && !(Number(config.SpotPrice) > 0)) throw SpotFleetErrors.invalidConfig('SpotPrice');
  checkExcessPolicy(config.ExcessCapacityTerminationPolicy);
  const until = config.ValidUntil?.getTime();
  if (until !== undefined && (until <= ctx.now || (config.ValidFrom !== undefined && until <= config.ValidFrom.getTime()))) throw SpotFleetErrors.validUntil();
  for (const spec of config.LaunchSpecifications ?? []) tagsFromSpecifications(spec.TagSpecifications, ['instance']);
}

/**
 * RequestSpotFleet: the configuration is checked, and each pool's launch is planned as RunInstances plans it (an
 * unknown image, subnet or group is an error of the call; running out of room is not, the fleet reports it later).
 * The request is `submitted`; the back end activates it at ValidFrom at the earliest and launches the target.
 * The same ClientToken with the same configuration answers the same request.
 */
export function requestSpotFleet(ctx: RequestContext, config: SpotFleetRequestConfigData, tags: readonly Tag[]): SpotFleetRow {
  if (config.ClientToken !== undefined) {
    const prior = ctx.store.spotFleets.byClientToken(ctx.scope, config.ClientToken);
    if (prior) {
      // the configuration the request was made with (ModifySpotFleetRequest rewrites `config`)
      if ((prior.request_fingerprint ?? prior.config) === stored(config)) return prior;
      throw RequestErrors.idempotentMismatch(config.ClientToken);
    }
  }
  checkConfig(ctx, config);
  for (const pool of poolsOf(ctx, config)) {
    try {
      planLaunch(ctx, pool.build().req);
    } catch (e) {
      if (!(e instanceof Ec2Error) || !e.code.startsWith('Insufficient')) throw e;
    }
  }
  const id = spotFleetId(ctx);
  ctx.store.spotFleets.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    type: config.Type ?? 'maintain',
    state: 'submitted',
    activity_status: null,
    config: stored(config),
    request_fingerprint: stored(config),
    target_capacity: config.TargetCapacity,
    on_demand_target_capacity: config.OnDemandTargetCapacity ?? 0,
    excess_capacity_termination_policy: config.ExcessCapacityTerminationPolicy ?? 'default',
    client_token: config.ClientToken ?? null,
    created_at: ctx.now,
  });
  addTags(ctx, id, 'spot-fleet-request', tags);
  event(ctx, id, 'fleetRequestChange', 'submitted', null, null);
  const from = config.ValidFrom?.getTime() ?? 0;
  ctx.backend.schedule(ctx.scope, 'spot-fleet', id, 'submitted', 'active', Math.max(ctx.now + ctx.config.pendingMs, from));
  if (config.ValidUntil) ctx.backend.schedule(ctx.scope, 'spot-fleet-expiry', id, 'active', 'expired', config.ValidUntil.getTime());
  return requireSpotFleet(ctx, id);
}

/**
 * ModifySpotFleetRequest (maintain requests that are active): a new TargetCapacity / OnDemandTargetCapacity. The
 * request is `modifying`; a lower target with `default` terminates the newest excess instances of each lifecycle
 * now, and the back end launches what a higher one lacks, then the request is `active` again.
 */
export function modifySpotFleet(ctx: RequestContext, input: ModifySpotFleetRequestRequest): void {
  const fleet = requireSpotFleet(ctx, input.SpotFleetRequestId);
  if (input.TargetCapacity !== undefined && input.TargetCapacity < 0) throw SpotFleetErrors.negativeCapacity('TargetCapacity', input.TargetCapacity);
  if (input.OnDemandTargetCapacity !== undefined && input.OnDemandTargetCapacity < 0) {
    throw SpotFleetErrors.negativeCapacity('OnDemandTargetCapacity', input.OnDemandTargetCapacity);
  }
  checkExcessPolicy(input.ExcessCapacityTerminationPolicy);
  if (fleet.type !== 'maintain') throw SpotFleetErrors.notMaintain(fleet.id);
  if (fleet.state !== 'active') throw SpotFleetErrors.notModifiable(fleet.id, fleet.state);
  const target = input.TargetCapacity ?? fleet.target_capacity;
  if (target > MAX_FLEET_TARGET_CAPACITY) throw SpotFleetErrors.targetCapacityQuota(target, MAX_FLEET_TARGET_CAPACITY);
  const onDemand = input.OnDemandTargetCapacity ?? Math.min(fleet.on_demand_target_capacity, target);
  if (onDemand > target) throw SpotFleetErrors.onDemandAboveTarget(onDemand, target);
  const config = spotFleetConfig(fleet);
  if (input.LaunchTemplateConfigs?.length) {
    if (!config.LaunchTemplateConfigs?.length) throw SpotFleetErrors.invalidConfig('LaunchTemplateConfigs');
    slotsOf(ctx, input.LaunchTemplateConfigs as FleetLaunchTemplateConfigRequest[]);
    config.LaunchTemplateConfigs = input.LaunchTemplateConfigs as LaunchTemplateConfig[];
  }
  if (input.Context !== undefined) config.Context = input.Context;
  ctx.store.spotFleets.update(fleet.id, {
    target_capacity: target,
    on_demand_target_capacity: onDemand,
    config: JSON.stringify(config),
    state: 'modifying',
    activity_status: 'pending_fulfillment',
  });
  event(ctx, fleet.id, 'fleetRequestChange', 'modify_in_progress', null, null);
  const policy = input.ExcessCapacityTerminationPolicy ?? fleet.excess_capacity_termination_policy;
  if (policy.toLowerCase() === 'default') {
    const targets: Record<Lifecycle, number> = { 'on-demand': onDemand, spot: target - onDemand };
    const victims: string[] = [];
    for (const lifecycle of ['on-demand', 'spot'] as const) {
      const live = ctx.store.fleets.liveInstances(fleet.id).filter((i) => lifecycleOf(i) === lifecycle).reverse();
      let total = live.reduce((n, i) => n + (i.fleet_weight ?? 1), 0);
      for (const i of live) {
        if (total - (i.fleet_weight ?? 1) < targets[lifecycle]) break;
        total -= i.fleet_weight ?? 1;
        victims.push(i.id);
      }
    }
    if (victims.length) terminateInstances(ctx, victims);
  }
  ctx.backend.schedule(ctx.scope, 'spot-fleet', fleet.id, 'modifying', 'active', ctx.now + ctx.config.pendingMs);
}

export interface CancelOutcome {
  successes: Array<{ id: string; previous: string; current: string }>;
  failures: Array<{ id: string; error: { Code: string; Message: string } }>;
}

/** Cancels one request: its Spot requests are cancelled; with `terminate` its instances are terminated. */
function cancelOne(ctx: RequestContext, fleet: SpotFleetRow, terminate: boolean): string {
  ctx.backend.cancel('spot-fleet', fleet.id);
  ctx.backend.cancel('spot-fleet-expiry', fleet.id);
  const live = ctx.store.fleets.liveInstances(fleet.id);
  const requests = live.flatMap((i) => (i.spot_instance_request_id ? [i.spot_instance_request_id] : []));
  if (requests.length) cancelSpotRequests(ctx, requests.filter((r) => ctx.store.spotRequests.get(ctx.scope, r)?.state === 'active'));
  let state: string;
  if (terminate) {
    // termination-protected instances are left running, as for EC2 Fleets
    const ending = live.filter((i) => i.disable_api_termination !== 1).map((i) => i.id);
    if (ending.length) terminateInstances(ctx, ending);
    state = 'cancelled_terminating';
    ctx.store.spotFleets.update(fleet.id, { state, activity_status: 'pending_termination', cancelled_at: ctx.now });
    ctx.backend.schedule(ctx.scope, 'spot-fleet', fleet.id, state, 'cancelled', ctx.now + ctx.config.shuttingDownMs);
  } else {
    state = 'cancelled_running';
    ctx.store.spotFleets.update(fleet.id, { state, cancelled_at: ctx.now });
    if (live.length === 0) ctx.backend.schedule(ctx.scope, 'spot-fleet', fleet.id, state, 'cancelled', ctx.now + ctx.config.shuttingDownMs);
  }
  event(ctx, fleet.id, 'fleetRequestChange', state, null, null);
  return state;
}

/** CancelSpotFleetRequests: answers per request, as AWS does (unknown or malformed ids are failures, not errors). */
export function cancelSpotFleets(ctx: RequestContext, ids: readonly string[], terminate: boolean): CancelOutcome {
  const out: CancelOutcome = { successes: [], failures: [] };
  const found = ctx.store.spotFleets.getMany(ctx.scope, ids);
  for (const id of ids) {
    const fleet = found.get(id);
    if (!fleet) {
      out.failures.push({ id, error: SFR_ID.test(id) ? CancelSpotFleetErrors.notFound(id) : CancelSpotFleetErrors.malformed(id) });
      continue;
    }
    const current = ctx.store.spotFleets.get(ctx.scope, id)!;
    // a cancelled_running request can still be cancelled with termination (its instances go then)
    if (current.state === 'cancelled' || current.state === 'cancelled_terminating' || current.state === 'failed' || (current.state === 'cancelled_running' && !terminate)) {
      out.failures.push({ id, error: CancelSpotFleetErrors.notCancellable(id, current.state) });
      continue;
    }
    out.successes.push({ id, previous: current.state, current: cancelOne(ctx, current, terminate) });
  }
  return out;
}

/** The back end's steps: submitted/modifying -> active (launching what is missing), cancelled, purged. */
export function applySpotFleetTransition(ctx: RequestContext, id: string, to: string, from?: string): void {
  const fleet = ctx.store.spotFleets.get(ctx.scope, id);
  if (!fleet) return;
  if (to === 'active' && (fleet.state === 'submitted' || fleet.state === 'modifying' || fleet.state === 'active')) {
    if (fleet.state !== 'active') {
      ctx.store.spotFleets.update(id, { state: 'active' });
      event(ctx, id, 'fleetRequestChange', fleet.state === 'submitted' ? 'active' : 'modify_succeeded', null, null);
    }
    // a request-type fleet launches once (its target is not kept; `launching` continues that launch in steps); a
    // maintain fleet whenever it is short
    if (fleet.type === 'maintain' || fleet.state === 'submitted' || from === 'launching') topUp(ctx, requireSpotFleet(ctx, id));
  } else if (to === 'cancelled' && (fleet.state === 'cancelled_terminating' || fleet.state === 'cancelled_running')) {
    finishCancel(ctx, fleet);
  } else if (to === 'purged' && fleet.state === 'cancelled') {
    ctx.store.spotFleets.delete(id);
  }
}

/** ValidUntil has passed: the request is cancelled, its instances terminated if TerminateInstancesWithExpiration. */
export function applySpotFleetExpiry(ctx: RequestContext, id: string): void {
  const fleet = ctx.store.spotFleets.get(ctx.scope, id);
  if (!fleet || !['submitted', 'active', 'modifying'].includes(fleet.state)) return;
  event(ctx, id, 'fleetRequestChange', 'expired', null, null);
  cancelOne(ctx, fleet, spotFleetConfig(fleet).TerminateInstancesWithExpiration === true);
}

function finishCancel(ctx: RequestContext, fleet: SpotFleetRow): void {
  ctx.store.spotFleets.update(fleet.id, { state: 'cancelled', activity_status: null });
  event(ctx, fleet.id, 'fleetRequestChange', 'cancelled', null, null);
  ctx.backend.schedule(ctx.scope, 'spot-fleet', fleet.id, 'cancelled', 'purged', ctx.now + ctx.config.terminatedTtlMs);
}

/**
 * One of a Spot Fleet's instances has terminated: the fleet's capacity drops; an active maintain fleet has the
 * back end launch a replacement; a cancelled_running fleet whose last instance this was is cancelled.
 */
export function spotFleetInstanceTerminated(ctx: RequestContext, instance: InstanceRow): void {
  if (!instance.fleet_id?.startsWith('sfr-')) return;
  const fleet = ctx.store.spotFleets.get(ctx.scope, instance.fleet_id);
  if (!fleet) return;
  event(ctx, fleet.id, 'instanceChange', 'terminated', instance.id, null);
  refreshCapacity(ctx, fleet.id);
  if (fleet.type === 'maintain' && fleet.state === 'active' && !ctx.backend.pending('spot-fleet', fleet.id)) {
    ctx.store.spotFleets.update(fleet.id, { activity_status: 'pending_fulfillment' });
    ctx.backend.schedule(ctx.scope, 'spot-fleet', fleet.id, 'active', 'active', ctx.now + ctx.config.pendingMs);
  }
  if (fleet.state === 'cancelled_running' && ctx.store.fleets.liveInstances(fleet.id).length === 0) finishCancel(ctx, fleet);
}

/** The fleet's instances that count (running or on their way), for DescribeSpotFleetInstances. */
export function listSpotFleetInstances(ctx: RequestContext, id: string, opts: ListOptions): InstanceRow[] {
  requireSpotFleet(ctx, id);
  return ctx.store.fleets.instancesPage(ctx.scope, id, opts);
}

export function spotFleetHistory(ctx: RequestContext, id: string, from: Date, eventType: string | undefined, afterSeq: number, limit: number) {
  requireSpotFleet(ctx, id);
  return ctx.store.fleetEvents.list(id, from.getTime(), eventType, afterSeq, limit);
}
