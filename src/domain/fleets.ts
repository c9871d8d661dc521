/**
 * EC2 Fleets (docs/behavior.md "Fleets and spot"). A fleet launches each instance exactly as RunInstances launches
 * one from a launch template (mergeLaunchTemplate -> overrides -> planLaunch -> launch), so a template with several
 * NetworkInterfaces gives multi-NIC instances, each taking its own addresses from the subnet.
 *
 *   instant:  launched in the CreateFleet call; the answer lists Instances and Errors per override; `active`
 *   request:  submitted --(back end)--> active, launched once; never replaced
 *   maintain: as request, and a terminated instance is replaced by the back end (the fleet keeps TargetCapacity)
 *   DeleteFleets: deleted_terminating (instances terminated) -> deleted, or deleted_running (instances kept)
 *
 * Overrides are tried in Priority order (lowest first, none last), in the order given otherwise; for spot capacity
 * with a lowest-price strategy, cheapest Spot price first. An override whose launch fails is skipped for the rest
 * of that round (its error is reported once).
 */
import type { RequestContext } from '../core/context';
import { Ec2Error, DeleteFleetErrors, FleetErrors } from '../errors';
import type {
  CreateFleetError,
  CreateFleetInstance,
  CreateFleetRequest,
  FleetLaunchTemplateConfigRequest,
  FleetLaunchTemplateOverridesRequest,
  InstanceNetworkInterfaceSpecification,
  RunInstancesRequest,
  Tag,
  TargetCapacitySpecificationRequest,
} from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { FleetRow, InstanceRow } from '../store/rows';
import { terminateInstances } from './instances';
import { tagLaunchedFromTemplate, mergeLaunchTemplate, requireTemplate, requireVersion } from './launchTemplates';
import { zonesOf } from './regions';
import { launchMarked, spotPriceAt } from './spot';
import { addTags } from './tags';

export type Lifecycle = 'spot' | 'on-demand';

/** AWS's quota "target capacity per Spot Fleet or EC2 Fleet" (EC2 User Guide, fleet quotas). */
export const MAX_FLEET_TARGET_CAPACITY = 10_000;
/**
 * At most this many launches (tried or made) per back-end step of a fleet; what is still missing is launched by a
 * further step scheduled at once (docs/decisions.md "Fleets and spot").
 */
export const FLEET_LAUNCHES_PER_STEP = 50;

export interface Slot {
  config: FleetLaunchTemplateConfigRequest;
  /** The template as the request named it, with the version resolved against it now. */
  templateId: string;
  override: FleetLaunchTemplateOverridesRequest;
  weight: number;
  priority: number;
  order: number;
}

export interface FleetLaunchResult {
  instances: CreateFleetInstance[];
  errors: CreateFleetError[];
}

export function fleetId(ctx: RequestContext): string {
  const h = ctx.ids.hex(32);
  return `fleet-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const FLEET_ID = /^fleet-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function requireFleet(ctx: RequestContext, id: string): FleetRow {
  const f = ctx.store.fleets.get(ctx.scope, id);
  if (!f) throw FleetErrors.notFound(id);
  return f;
}

export function listFleets(ctx: RequestContext, opts: ListOptions): FleetRow[] {
  return ctx.store.fleets.list(ctx.scope, opts);
}

export const fleetRequest = (f: FleetRow): CreateFleetRequest => JSON.parse(f.request) as CreateFleetRequest;

/** On-demand and Spot shares of the target: the named ones, the rest to DefaultTargetCapacityType. */
function capacityTargets(t: { total: number; onDemand: number | null; spot: number | null; defaultType: string }): Record<Lifecycle, number> {
  const onDemand = t.onDemand ?? 0;
  const spot = t.spot ?? 0;
  const rest = Math.max(0, t.total - onDemand - spot);
  return t.defaultType === 'spot' ? { 'on-demand': onDemand, spot: spot + rest } : { 'on-demand': onDemand + rest, spot };
}

function checkCapacity(spec: TargetCapacitySpecificationRequest): void {
  if (spec.TotalTargetCapacity > MAX_FLEET_TARGET_CAPACITY) throw FleetErrors.targetCapacityQuota(spec.TotalTargetCapacity, MAX_FLEET_TARGET_CAPACITY);
  const onDemand = spec.OnDemandTargetCapacity ?? 0;
  const spot = spec.SpotTargetCapacity ?? 0;
  if (onDemand + spot > spec.TotalTargetCapacity) throw FleetErrors.capacitySplit(spec.TotalTargetCapacity, onDemand, spot);
}

/** Every (config, override) pair, templates resolved now (an unknown template or version is the caller's error). */
export function slotsOf(ctx: RequestContext, configs: readonly FleetLaunchTemplateConfigRequest[]): Slot[] {
  const slots: Slot[] = [];
  for (const config of configs) {
    const ref = config.LaunchTemplateSpecification ?? {};
    if (ref.LaunchTemplateId === undefined && ref.LaunchTemplateName === undefined) throw FleetErrors.noTemplate();
    const template = requireTemplate(ctx, ref);
    requireVersion(ctx, template, ref.Version);
    const overrides = config.Overrides?.length ? config.Overrides : [{}];
    for (const override of overrides) {
      const weight = override.WeightedCapacity ?? 1;
      if (!(weight > 0)) throw FleetErrors.badWeight(weight);
      slots.push({ config, templateId: template.id, override, weight, priority: override.Priority ?? Number.POSITIVE_INFINITY, order: slots.length });
    }
  }
  return slots;
}

/** Strategies that try the cheapest pool first, in both spellings AWS takes (see EXTRA_ENUM_VALUES). */
const PRICE_FIRST_STRATEGIES: ReadonlySet<string> = new Set(['lowest-price', 'lowestPrice', 'price-capacity-optimized', 'priceCapacityOptimized']);

/** Slots in the order the fleet tries them for a lifecycle. */
function ordered(ctx: RequestContext, request: CreateFleetRequest, slots: Slot[], lifecycle: Lifecycle): Slot[] {
  const strategy: string = (lifecycle === 'spot' ? request.SpotOptions?.AllocationStrategy : request.OnDemandOptions?.AllocationStrategy) ?? 'lowestPrice';
  const byPrice = PRICE_FIRST_STRATEGIES.has(strategy);
  const firstZone = zonesOf(ctx.scope.region)[0].name;
  const price = (s: Slot) => Number(spotPriceAt(ctx, s.override.InstanceType ?? '', s.override.AvailabilityZone ?? firstZone, 'Linux/UNIX', ctx.now));
  return [...slots].sort((a, b) => {
    if (byPrice && lifecycle === 'spot' && a.override.Priority === undefined && b.override.Priority === undefined) {
      const d = price(a) / a.weight - price(b) / b.weight;
      if (d !== 0) return d;
    }
    return a.priority - b.priority || a.order - b.order;
  });
}

/** The RunInstances request of one slot: the template merged as RunInstances merges it, then the override. */
export function requestOf(ctx: RequestContext, slot: Slot, instanceTags: readonly Tag[]) {
  const ref = slot.config.LaunchTemplateSpecification!;
  const base: RunInstancesRequest = { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateId: slot.templateId, Version: ref.Version } };
  if (instanceTags.length) base.TagSpecifications = [{ ResourceType: 'instance', Tags: [...instanceTags] }];
  const { input, source } = mergeLaunchTemplate(ctx, base);
  const o = slot.override;
  const req: RunInstancesRequest = { ...input };
  if (o.InstanceType !== undefined) req.InstanceType = o.InstanceType;
  if (o.ImageId !== undefined) req.ImageId = o.ImageId;
  if (o.AvailabilityZone !== undefined || o.Placement !== undefined) {
    req.Placement = { ...req.Placement, ...o.Placement, ...(o.AvailabilityZone !== undefined ? { AvailabilityZone: o.AvailabilityZone } : {}) };
  }
  if (o.SubnetId !== undefined) {
    // A template's interface list keeps its shape: the subnet override goes to the primary interface and to those
    // that name no subnet of their own.
    if (req.NetworkInterfaces?.length) {
      req.NetworkInterfaces = req.NetworkInterfaces.map((n: InstanceNetworkInterfaceSpecification) =>
        (n.DeviceIndex ?? 0) === 0 || n.SubnetId === undefined ? { ...n, SubnetId: o.SubnetId } : n,
      );
    } else {
      req.SubnetId = o.SubnetId;
    }
  }
  return { req, source };
}

interface Round {
  launched: Map<Slot, InstanceRow[]>;
  errors: Array<{ slot: Slot; error: Ec2Error }>;
  capacity: number;
}

/**
 * Launches into `lifecycle` until `need` capacity units are met, every slot has failed, or the step's
 * `budget.left` launches (tried or made) are spent.
 */
function fill(
  ctx: RequestContext,
  fleet: FleetRow,
  slots: Slot[],
  lifecycle: Lifecycle,
  need: number,
  instanceTags: readonly Tag[],
  budget: { left: number },
): Round {
  const round: Round = { launched: new Map(), errors: [], capacity: 0 };
  const failed = new Set<Slot>();
  const order = ordered(ctx, fleetRequest(fleet), slots, lifecycle);
  while (round.capacity < need && budget.left > 0) {
    let progressed = false;
    for (const slot of order) {
      if (failed.has(slot)) continue;
      if (budget.left === 0) break;
      budget.left--;
      try {
        const { req, source } = requestOf(ctx, slot, instanceTags);
        const instance = launchMarked(ctx, req, { lifecycle: lifecycle === 'spot' ? 'spot' : undefined, fleetId: fleet.id, fleetWeight: slot.weight });
        if (source) tagLaunchedFromTemplate(ctx, [instance.id], source);
        ctx.store.tags.put(ctx.scope, instance.id, 'instance', [{ Key: 'aws:ec2:fleet-id', Value: fleet.id }]);
        round.launched.set(slot, [...(round.launched.get(slot) ?? []), instance]);
        round.capacity += slot.weight;
        event(ctx, fleet.id, 'instance-change', 'launched', instance.id, `{"instanceType":"${instance.instance_type}","lifecycle":"${lifecycle}"}`);
        progressed = true;
        break;
      } catch (e) {
        if (!(e instanceof Ec2Error)) throw e;
        // Launch checks write nothing before they throw: the fleet records the error and tries the next override.
        failed.add(slot);
        round.errors.push({ slot, error: e });
        event(ctx, fleet.id, 'service-error', e.code, null, e.message);
      }
    }
    if (!progressed) break;
  }
  return round;
}

/** One entry of a fleet's history (EC2 Fleet and Spot Fleet share the events table). */
export function event(ctx: RequestContext, fleetId: string, type: string, subtype: string | null, instanceId: string | null, description: string | null): void {
  ctx.store.fleetEvents.add({ fleet_id: fleetId, at: ctx.now, event_type: type, event_subtype: subtype, instance_id: instanceId, description });
}

function overridesResponse(slot: Slot) {
  const ref = slot.config.LaunchTemplateSpecification!;
  const o = slot.override;
  return {
    LaunchTemplateSpecification: { LaunchTemplateId: slot.templateId, LaunchTemplateName: ref.LaunchTemplateName, Version: ref.Version ?? '$Default' },
    Overrides:
      Object.keys(o).length === 0
        ? undefined
        : { InstanceType: o.InstanceType, SubnetId: o.SubnetId, AvailabilityZone: o.AvailabilityZone, WeightedCapacity: o.WeightedCapacity, Priority: o.Priority, ImageId: o.ImageId, MaxPrice: o.MaxPrice },
  };
}

function resultOf(rounds: Array<{ lifecycle: Lifecycle; round: Round }>): FleetLaunchResult {
  const instances: CreateFleetInstance[] = [];
  const errors: CreateFleetError[] = [];
  for (const { lifecycle, round } of rounds) {
    for (const [slot, rows] of round.launched) {
      instances.push({ LaunchTemplateAndOverrides: overridesResponse(slot), Lifecycle: lifecycle, InstanceIds: rows.map((r) => r.id), InstanceType: rows[0].instance_type });
    }
    for (const { slot, error } of round.errors) {
      errors.push({ LaunchTemplateAndOverrides: overridesResponse(slot), Lifecycle: lifecycle, ErrorCode: error.code, ErrorMessage: error.message });
    }
  }
  return { instances, errors };
}

/**
 * Launches what the fleet lacks of each share of its target; updates its fulfilled capacity and activity. A back-end
 * step (`stepped`) makes at most FLEET_LAUNCHES_PER_STEP launches and schedules a further step (`launching` ->
 * `active`, at once) for the rest; an instant fleet answers in its call, bounded by the target capacity quota.
 */
function topUp(ctx: RequestContext, fleet: FleetRow, instanceTags: readonly Tag[], stepped = true): FleetLaunchResult {
  const request = fleetRequest(fleet);
  const slots = slotsOf(ctx, request.LaunchTemplateConfigs);
  const targets = capacityTargets({
    total: fleet.total_target_capacity,
    onDemand: fleet.on_demand_target_capacity,
    spot: fleet.spot_target_capacity,
    defaultType: fleet.default_target_capacity_type,
  });
  const have = fulfilled(ctx, fleet.id);
  const rounds: Array<{ lifecycle: Lifecycle; round: Round }> = [];
  const budget = { left: stepped ? FLEET_LAUNCHES_PER_STEP : Number.POSITIVE_INFINITY };
  for (const lifecycle of ['on-demand', 'spot'] as const) {
    const need = targets[lifecycle] - have[lifecycle];
    if (need > 0) rounds.push({ lifecycle, round: fill(ctx, fleet, slots, lifecycle, need, instanceTags, budget) });
  }
  const now = fulfilled(ctx, fleet.id);
  const total = now['on-demand'] + now.spot;
  const short = now['on-demand'] < targets['on-demand'] || now.spot < targets.spot;
  // out of launches but not of overrides: the rest is the next step's (a step that launched nothing does not repeat)
  if (budget.left === 0 && short && total > have['on-demand'] + have.spot) ctx.backend.schedule(ctx.scope, 'fleet', fleet.id, 'launching', 'active', ctx.now);
  const erred = rounds.some((r) => r.round.errors.length > 0);
  ctx.store.fleets.update(fleet.id, {
    fulfilled_capacity: total,
    fulfilled_on_demand_capacity: now['on-demand'],
    activity_status: total >= fleet.total_target_capacity ? 'fulfilled' : erred ? 'error' : 'pending_fulfillment',
  });
  return resultOf(rounds);
}

/** Capacity units of the fleet's live instances, per lifecycle. */
function fulfilled(ctx: RequestContext, id: string): Record<Lifecycle, number> {
  const out: Record<Lifecycle, number> = { 'on-demand': 0, spot: 0 };
  for (const i of ctx.store.fleets.liveInstances(id)) out[i.instance_lifecycle === 'spot' ? 'spot' : 'on-demand'] += i.fleet_weight ?? 1;
  return out;
}

/**
 * CreateFleet. Templates, versions and the capacity split are checked first (errors of the call); an instant fleet
 * then launches at once and answers its Instances and Errors; request and maintain fleets are `submitted` and the
 * back end launches them.
 */
export function createFleet(ctx: RequestContext, input: CreateFleetRequest, tags: { fleet: readonly Tag[]; instance: readonly Tag[] }): { fleet: FleetRow; result?: FleetLaunchResult } {
  const spec = input.TargetCapacitySpecification;
  checkCapacity(spec);
  slotsOf(ctx, input.LaunchTemplateConfigs);
  const type = input.Type ?? 'maintain';
  const id = fleetId(ctx);
  ctx.store.fleets.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    type,
    state: type === 'instant' ? 'active' : 'submitted',
    activity_status: type === 'instant' ? null : 'pending_fulfillment',
    request: JSON.stringify({ ...input, TagSpecifications: undefined, DryRun: undefined }),
    total_target_capacity: spec.TotalTargetCapacity,
    on_demand_target_capacity: spec.OnDemandTargetCapacity ?? null,
    spot_target_capacity: spec.SpotTargetCapacity ?? null,
    default_target_capacity_type: spec.DefaultTargetCapacityType ?? 'on-demand',
    excess_capacity_termination_policy: input.ExcessCapacityTerminationPolicy ?? null,
    client_token: input.ClientToken ?? null,
    created_at: ctx.now,
  });
  addTags(ctx, id, 'fleet', tags.fleet);
  event(ctx, id, 'fleet-change', 'submitted', null, null);
  let fleet = requireFleet(ctx, id);
  if (type !== 'instant') {
    ctx.backend.schedule(ctx.scope, 'fleet', id, 'submitted', 'active', ctx.now + ctx.config.pendingMs);
    return { fleet };
  }
  const result = topUp(ctx, fleet, tags.instance, false);
  event(ctx, id, 'fleet-change', 'active', null, null);
  ctx.store.fleets.update(id, { launch_result: JSON.stringify(result) });
  fleet = requireFleet(ctx, id);
  return { fleet, result };
}

/** ModifyFleet: a new target (request and maintain fleets); more is launched by the back end, less terminated now. */
export function modifyFleet(ctx: RequestContext, id: string, change: { target?: TargetCapacitySpecificationRequest; excessPolicy?: string }): void {
  const fleet = requireFleet(ctx, id);
  if (fleet.type === 'instant') throw FleetErrors.instantNoModify(id);
  if (fleet.state !== 'active' && fleet.state !== 'submitted' && fleet.state !== 'modifying') throw FleetErrors.notModifiable(id, fleet.state);
  const t = change.target;
  if (t) {
    const onDemand = t.OnDemandTargetCapacity ?? fleet.on_demand_target_capacity;
    const spot = t.SpotTargetCapacity ?? fleet.spot_target_capacity;
    checkCapacity({ TotalTargetCapacity: t.TotalTargetCapacity, OnDemandTargetCapacity: onDemand ?? undefined, SpotTargetCapacity: spot ?? undefined });
    ctx.store.fleets.update(id, {
      total_target_capacity: t.TotalTargetCapacity,
      on_demand_target_capacity: onDemand,
      spot_target_capacity: spot,
      default_target_capacity_type: t.DefaultTargetCapacityType ?? fleet.default_target_capacity_type,
    });
  }
  const policy = change.excessPolicy ?? fleet.excess_capacity_termination_policy ?? 'termination';
  ctx.store.fleets.update(id, { excess_capacity_termination_policy: change.excessPolicy ?? fleet.excess_capacity_termination_policy, state: 'modifying' });
  event(ctx, id, 'fleet-change', 'modify_in_progress', null, null);
  const updated = requireFleet(ctx, id);
  if (policy === 'termination') {
    // Newest instances go first until the fleet is within its new target.
    let total = updated.fulfilled_capacity;
    const live = ctx.store.fleets.liveInstances(id).reverse();
    const victims: string[] = [];
    for (const i of live) {
      if (total - (i.fleet_weight ?? 1) < updated.total_target_capacity) break;
      total -= i.fleet_weight ?? 1;
      victims.push(i.id);
    }
    if (victims.length) {
      terminateInstances(ctx, victims);
      for (const v of victims) event(ctx, id, 'instance-change', 'terminated', v, null);
      ctx.store.fleets.update(id, { fulfilled_capacity: total });
    }
  }
  if (!ctx.backend.pending('fleet', id)) ctx.backend.schedule(ctx.scope, 'fleet', id, 'modifying', 'active', ctx.now + ctx.config.pendingMs);
}

export interface DeleteOutcome {
  successes: Array<{ id: string; previous: string; current: string }>;
  failures: Array<{ id: string; error: { Code: string; Message: string } }>;
}

/** DeleteFleets: answers per fleet, as AWS does (unknown or malformed ids are failures, not errors of the call). */
export function deleteFleets(ctx: RequestContext, ids: readonly string[], terminate: boolean): DeleteOutcome {
  const out: DeleteOutcome = { successes: [], failures: [] };
  const fleets = ctx.store.fleets.getMany(ctx.scope, ids);
  const instant = ids.filter((id) => fleets.get(id)?.type === 'instant');
  for (const id of ids) {
    const fleet = fleets.get(id);
    if (!fleet) {
      out.failures.push({ id, error: FLEET_ID.test(id) ? DeleteFleetErrors.notFound(id) : DeleteFleetErrors.malformed(id) });
      continue;
    }
    if (fleet.type === 'instant' && instant.length > 25) {
      out.failures.push({ id, error: DeleteFleetErrors.tooManyInstant() });
      continue;
    }
    if (fleet.type === 'instant' && !terminate) {
      out.failures.push({ id, error: DeleteFleetErrors.noTerminateInstant() });
      continue;
    }
    if (fleet.state === 'deleted' || fleet.state === 'deleted_terminating' || (fleet.state === 'deleted_running' && !terminate)) {
      out.failures.push({ id, error: DeleteFleetErrors.notDeletable(id) });
      continue;
    }
    ctx.backend.cancel('fleet', id);
    if (terminate) {
      // termination-protected instances are left running (the fleet cannot override the protection)
      const ending = ctx.store.fleets.liveInstances(id).filter((i) => i.disable_api_termination !== 1).map((i) => i.id);
      if (ending.length) terminateInstances(ctx, ending);
      for (const v of ending) event(ctx, id, 'instance-change', 'terminated', v, null);
      ctx.store.fleets.update(id, { state: 'deleted_terminating', activity_status: 'pending_termination', deleted_at: ctx.now });
      ctx.backend.schedule(ctx.scope, 'fleet', id, 'deleted_terminating', 'deleted', ctx.now + ctx.config.shuttingDownMs);
    } else {
      ctx.store.fleets.update(id, { state: 'deleted_running', deleted_at: ctx.now });
    }
    event(ctx, id, 'fleet-change', terminate ? 'deleted_terminating' : 'deleted_running', null, null);
    out.successes.push({ id, previous: fleet.state, current: terminate ? 'deleted_terminating' : 'deleted_running' });
  }
  return out;
}

/** The back end's step for a fleet: submitted/modifying -> active (launching what is missing), deleted, purged. */
export function applyFleetTransition(ctx: RequestContext, id: string, to: string, from?: string): void {
  const fleet = ctx.store.fleets.get(ctx.scope, id);
  if (!fleet) return;
  if (to === 'active' && (fleet.state === 'submitted' || fleet.state === 'modifying' || fleet.state === 'active')) {
    if (fleet.state !== 'active') {
      ctx.store.fleets.update(id, { state: 'active' });
      event(ctx, id, 'fleet-change', 'active', null, null);
    }
    // A request fleet launches once (and again after ModifyFleet; `launching` continues that launch in steps); a
    // maintain fleet whenever it is short.
    if (fleet.type === 'maintain' || fleet.state !== 'active' || from === 'launching') topUp(ctx, requireFleet(ctx, id), []);
  } else if (to === 'deleted' && fleet.state === 'deleted_terminating') {
    ctx.store.fleets.update(id, { state: 'deleted', activity_status: null });
    event(ctx, id, 'fleet-change', 'deleted', null, null);
    ctx.backend.schedule(ctx.scope, 'fleet', id, 'deleted', 'purged', ctx.now + ctx.config.terminatedTtlMs);
  } else if (to === 'purged' && fleet.state === 'deleted') {
    ctx.store.fleets.delete(id);
  }
}

/**
 * One of a fleet's instances is terminating: the fleet's fulfilled capacity drops, and a maintain fleet that is
 * active has the back end launch a replacement.
 */
export function fleetInstanceTerminated(ctx: RequestContext, instance: InstanceRow): void {
  if (!instance.fleet_id) return;
  const fleet = ctx.store.fleets.get(ctx.scope, instance.fleet_id);
  if (!fleet) return;
  const have = fulfilled(ctx, fleet.id);
  ctx.store.fleets.update(fleet.id, { fulfilled_capacity: have['on-demand'] + have.spot, fulfilled_on_demand_capacity: have['on-demand'] });
  if (fleet.type === 'maintain' && fleet.state === 'active' && !ctx.backend.pending('fleet', fleet.id)) {
    event(ctx, fleet.id, 'instance-change', 'terminated', instance.id, null);
    ctx.store.fleets.update(fleet.id, { activity_status: 'pending_fulfillment' });
    ctx.backend.schedule(ctx.scope, 'fleet', fleet.id, 'active', 'active', ctx.now + ctx.config.pendingMs);
  }
}

/** The fleet's instances that count (running or on their way), for DescribeFleetInstances. */
export function listFleetInstances(ctx: RequestContext, id: string, opts: ListOptions): InstanceRow[] {
  const fleet = requireFleet(ctx, id);
  if (fleet.type === 'instant') throw FleetErrors.instantNoInstances(id);
  return ctx.store.fleets.instancesPage(ctx.scope, id, opts);
}

export function fleetHistory(ctx: RequestContext, id: string, from: Date, eventType: string | undefined, afterSeq: number, limit: number) {
  requireFleet(ctx, id);
  return ctx.store.fleetEvents.list(id, from.getTime(), eventType, afterSeq, limit);
}
