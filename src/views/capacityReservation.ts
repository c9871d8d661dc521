/** Capacity Reservations as the API shows them, with their tags and free places (one query each for the batch). */
import { availableCounts } from '../domain/capacityReservations';
import { zoneByName } from '../domain/regions';
import type { CapacityReservation } from '../protocol/model/types.generated';
import type { CapacityReservationRow } from '../store/rows';
import type { LoadContext } from './context';
import { tagsOrNothing } from './vpc';

export function presentCapacityReservations(ctx: LoadContext, rows: readonly CapacityReservationRow[]): CapacityReservation[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  const free = availableCounts(ctx, rows);
  return rows.map((r) => ({
    CapacityReservationId: r.id,
    OwnerId: r.account,
    CapacityReservationArn: `arn:aws:ec2:${r.region}:${r.account}:capacity-reservation/${r.id}`,
    AvailabilityZoneId: zoneByName(r.region, r.availability_zone)?.id,
    InstanceType: r.instance_type,
    InstancePlatform: r.instance_platform as CapacityReservation['InstancePlatform'],
    AvailabilityZone: r.availability_zone,
    Tenancy: r.tenancy as CapacityReservation['Tenancy'],
    TotalInstanceCount: r.total_instance_count,
    AvailableInstanceCount: free.get(r.id) ?? 0,
    EbsOptimized: r.ebs_optimized === 1,
    EphemeralStorage: r.ephemeral_storage === 1,
    State: r.state as CapacityReservation['State'],
    StartDate: new Date(r.start_date),
    EndDate: r.end_date !== null ? new Date(r.end_date) : undefined,
    EndDateType: r.end_date_type as CapacityReservation['EndDateType'],
    InstanceMatchCriteria: r.instance_match_criteria as CapacityReservation['InstanceMatchCriteria'],
    CreateDate: new Date(r.created_at),
    Tags: tagsOrNothing(tags.get(r.id) ?? []),
    PlacementGroupArn: r.placement_group_arn ?? undefined,
    ReservationType: 'default',
    DeliveryPreference: 'fixed',
    CapacityAllocations: [],
  }));
}
