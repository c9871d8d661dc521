import { createCapacityReservation } from '../domain/capacityReservations';
import { tagsFromSpecifications } from '../domain/tags';
import { presentCapacityReservations } from '../views/capacityReservation';
import { defineAction } from './define';

/** Reserves places for an instance type, platform, zone and tenancy: `active` at once, or `scheduled` until StartDate. */
export default defineAction('CreateCapacityReservation', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['capacity-reservation']).get('capacity-reservation') ?? [];
  const row = createCapacityReservation(ctx, input, tags);
  return { CapacityReservation: presentCapacityReservations(ctx, [row])[0] };
});
