import { availableCounts, requireCapacityReservation, usedCount } from '../domain/capacityReservations';
import { defineAction } from './define';

/** The reservation's counts and who uses it (here, its own account: reservations are not shared). */
export default defineAction('GetCapacityReservationUsage', (input, ctx) => {
  const r = requireCapacityReservation(ctx, input.CapacityReservationId);
  const available = availableCounts(ctx, [r]).get(r.id) ?? 0;
  const used = usedCount(ctx, r);
  return {
    CapacityReservationId: r.id,
    InstanceType: r.instance_type,
    TotalInstanceCount: r.total_instance_count,
    AvailableInstanceCount: available,
    State: r.state as 'active',
    InstanceUsages: used > 0 ? [{ AccountId: r.account, UsedInstanceCount: used }] : [],
  };
});
