/**
 * On-Demand Capacity Reservations (docs/behavior.md "Capacity Reservations"): a count of places for one instance
 * type, platform, zone and tenancy. A launch takes places in a reservation it targets (CapacityReservationSpecification
 * .CapacityReservationTarget) or, with the default `open` preference, in the account's first active open reservation
 * that matches and has room; pending and running instances hold them. A limited reservation expires at its end date
 * and a future-dated one starts at its start date, through the back end; a cancelled one frees its instances.
 */
import type { RequestContext } from '../core/context';
import { CapacityReservationErrors, InstanceErrors, VpcErrors } from '../errors';
import type { CapacityReservationSpecification, CreateCapacityReservationRequest, ModifyCapacityReservationRequest, Tag } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { CapacityReservationRow, InstanceRow } from '../store/rows';
import { zoneById, zoneByName } from './regions';
import { addTags } from './tags';

export function requireCapacityReservation(ctx: RequestContext, id: string): CapacityReservationRow {
  const row = ctx.store.capacityReservations.get(ctx.scope, id);
  if (!row) throw CapacityReservationErrors.notFound(id);
  return row;
}

export function listCapacityReservations(ctx: RequestContext, opts: ListOptions): CapacityReservationRow[] {
  return ctx.store.capacityReservations.list(ctx.scope, opts);
}

/** Places free in each reservation (total minus the pending and running instances in it). */
export function availableCounts(ctx: Pick<RequestContext, 'store'>, rows: readonly CapacityReservationRow[]): Map<string, number> {
  const used = ctx.store.capacityReservations.usedCounts(rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, r.state === 'active' ? Math.max(0, r.total_instance_count - (used.get(r.id) ?? 0)) : 0]));
}

/** The instances holding a place in the reservation now. */
export function usedCount(ctx: RequestContext, row: CapacityReservationRow): number {
  return ctx.store.capacityReservations.usedCounts([row.id]).get(row.id) ?? 0;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw CapacityReservationErrors.instanceCount(n);
}

/** EndDateType limited needs an EndDate after the start (and after now); unlimited takes none. */
function endOf(ctx: RequestContext, type: string, end: Date | undefined, start: number): number | null {
  if ((type === 'limited') !== (end !== undefined)) throw CapacityReservationErrors.endDate();
  if (end === undefined) return null;
  if (end.getTime() <= Math.max(ctx.now, start)) throw CapacityReservationErrors.endDateInPast();
  return end.getTime();
}

function scheduleDates(ctx: RequestContext, row: Pick<CapacityReservationRow, 'id' | 'state' | 'start_date' | 'end_date'>): void {
  if (row.state === 'scheduled') ctx.backend.schedule(ctx.scope, 'capacity-reservation', row.id, 'scheduled', 'active', row.start_date);
  else if (row.state === 'active' && row.end_date !== null) ctx.backend.schedule(ctx.scope, 'capacity-reservation', row.id, 'active', 'expired', row.end_date);
  else ctx.backend.cancel('capacity-reservation', row.id);
}

export function createCapacityReservation(ctx: RequestContext, input: CreateCapacityReservationRequest, tags: readonly Tag[]): CapacityReservationRow {
  if (!ctx.instanceTypes.exists(input.InstanceType)) throw InstanceErrors.instanceType(input.InstanceType);
  const zone = input.AvailabilityZone !== undefined ? zoneByName(ctx.scope.region, input.AvailabilityZone) : input.AvailabilityZoneId !== undefined ? zoneById(ctx.scope.region, input.AvailabilityZoneId) : undefined;
  if (input.AvailabilityZone === undefined && input.AvailabilityZoneId === undefined) throw CapacityReservationErrors.zoneRequired();
  if (!zone) throw VpcErrors.unknownZones([input.AvailabilityZone ?? input.AvailabilityZoneId ?? '']);
  checkCount(input.InstanceCount);
  const endDateType = input.EndDateType ?? 'unlimited';
  const start = input.StartDate !== undefined && input.StartDate.getTime() > ctx.now ? input.StartDate.getTime() : ctx.now;
  const end = endOf(ctx, endDateType, input.EndDate, start);
  const id = ctx.ids.id('cr');
  const row = ctx.store.capacityReservations.insertRow({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    instance_type: input.InstanceType,
    instance_platform: input.InstancePlatform,
    availability_zone: zone.name,
    tenancy: input.Tenancy ?? 'default',
    total_instance_count: input.InstanceCount,
    ebs_optimized: input.EbsOptimized ? 1 : 0,
    ephemeral_storage: input.EphemeralStorage ? 1 : 0,
    state: start > ctx.now ? 'scheduled' : 'active',
    start_date: start,
    end_date: end,
    end_date_type: endDateType,
    instance_match_criteria: input.InstanceMatchCriteria ?? 'open',
    placement_group_arn: input.PlacementGroupArn ?? null,
    created_at: ctx.now,
  });
  addTags(ctx, id, 'capacity-reservation', tags);
  scheduleDates(ctx, row);
  return row;
}

/** ModifyCapacityReservation: the count, the end date and type, the match criteria of an active (or scheduled) one. */
export function modifyCapacityReservation(ctx: RequestContext, input: ModifyCapacityReservationRequest): void {
  const row = requireCapacityReservation(ctx, input.CapacityReservationId);
  if (row.state !== 'active' && row.state !== 'scheduled') throw CapacityReservationErrors.notActive(row.id, row.state);
  if (input.InstanceCount !== undefined) checkCount(input.InstanceCount);
  const changes: Partial<CapacityReservationRow> = {};
  if (input.InstanceCount !== undefined) changes.total_instance_count = input.InstanceCount;
  if (input.InstanceMatchCriteria !== undefined) changes.instance_match_criteria = input.InstanceMatchCriteria;
  if (input.EndDateType !== undefined || input.EndDate !== undefined) {
    const type = input.EndDateType ?? row.end_date_type;
    changes.end_date_type = type;
    changes.end_date = endOf(ctx, type, input.EndDate, row.start_date);
  }
  ctx.store.capacityReservations.update(row.id, changes);
  scheduleDates(ctx, { ...row, ...changes });
}

/** CancelCapacityReservation: `cancelled`; its instances keep running, outside any reservation. */
export function cancelCapacityReservation(ctx: RequestContext, id: string): void {
  const row = requireCapacityReservation(ctx, id);
  if (row.state !== 'active' && row.state !== 'scheduled') throw CapacityReservationErrors.notActive(row.id, row.state);
  ctx.store.capacityReservations.update(row.id, { state: 'cancelled', end_date: ctx.now });
  ctx.store.capacityReservations.releaseInstances(row.id);
  ctx.backend.cancel('capacity-reservation', row.id);
}

/** The back end: a scheduled reservation starts, a limited one expires. */
export function applyCapacityReservationTransition(ctx: RequestContext, id: string, to: string): void {
  const row = ctx.store.capacityReservations.get(ctx.scope, id);
  if (!row) return;
  ctx.store.capacityReservations.update(row.id, { state: to });
  if (to === 'active') scheduleDates(ctx, { ...row, state: to });
  else ctx.store.capacityReservations.releaseInstances(row.id);
}

/**
 * The reservation a launch of `count` instances runs in, or null. A targeted reservation must be the caller's,
 * active, of the launch's type, platform, zone and tenancy, with room for them all; with preference `none` there
 * is none; otherwise the first open reservation that matches and has room.
 */
export function reservationForLaunch(
  ctx: RequestContext,
  spec: CapacityReservationSpecification | undefined,
  launch: ReservationFit,
): string | null {
  const targetId = spec?.CapacityReservationTarget?.CapacityReservationId;
  const fits = (r: CapacityReservationRow) =>
    r.instance_type === launch.instanceType && r.availability_zone === launch.zone && r.instance_platform === launch.platform && r.tenancy === launch.tenancy;
  if (targetId !== undefined) {
    const r = requireCapacityReservation(ctx, targetId);
    if (r.state !== 'active') throw CapacityReservationErrors.notActive(r.id, r.state);
    if (r.instance_type !== launch.instanceType) throw CapacityReservationErrors.mismatch(r.id, 'instance type');
    if (r.availability_zone !== launch.zone) throw CapacityReservationErrors.mismatch(r.id, 'Availability Zone');
    if (!fits(r)) throw CapacityReservationErrors.mismatch(r.id, 'platform or tenancy');
    if ((availableCounts(ctx, [r]).get(r.id) ?? 0) < launch.count) throw CapacityReservationErrors.full(r.id);
    return r.id;
  }
  if (spec?.CapacityReservationPreference === 'none') return null;
  const open = ctx.store.capacityReservations.openMatches(ctx.scope, launch.instanceType, launch.zone).filter(fits);
  if (open.length === 0) return null;
  const free = availableCounts(ctx, open);
  return open.find((r) => (free.get(r.id) ?? 0) >= launch.count)?.id ?? null;
}

/** What a reservation must match: type, zone, platform and tenancy, for `count` instances. */
export interface ReservationFit {
  instanceType: string;
  zone: string;
  platform: string;
  tenancy: string;
  count: number;
}

/** The fit of instances of this type in this zone, from their image's platform and their tenancy as stored. */
export function reservationFit(instanceType: string, zone: string, imagePlatform: string | null | undefined, tenancy: string | undefined, count: number): ReservationFit {
  return { instanceType, zone, platform: imagePlatform === 'windows' ? 'Windows' : 'Linux/UNIX', tenancy: tenancy === 'dedicated' ? 'dedicated' : 'default', count };
}

const fitOf = (instance: InstanceRow, count: number) => reservationFit(instance.instance_type, instance.availability_zone, instance.platform, instance.tenancy, count);

const specOf = (instance: InstanceRow) => (instance.capacity_reservation ? (JSON.parse(instance.capacity_reservation) as CapacityReservationSpecification) : undefined);

/** A stopped instance starting again takes a place afresh, as a launch does (its target must have room). */
export function reservationForStart(ctx: RequestContext, instance: InstanceRow): string | null {
  if (instance.instance_lifecycle === 'spot') return null;
  return reservationForLaunch(ctx, specOf(instance), fitOf(instance, 1));
}

/**
 * ModifyInstanceCapacityReservationAttributes (the instance is stopped): a target must exist and fit the instance;
 * the instance leaves its reservation and takes a place again when it starts.
 */
export function setCapacityReservationSpec(ctx: RequestContext, instance: InstanceRow, spec: CapacityReservationSpecification): void {
  if (spec.CapacityReservationTarget?.CapacityReservationId !== undefined) reservationForLaunch(ctx, spec, fitOf(instance, 0));
  ctx.store.instances.update(instance.id, { capacity_reservation: JSON.stringify(spec), capacity_reservation_id: null });
}
