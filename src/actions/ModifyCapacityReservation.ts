import { modifyCapacityReservation } from '../domain/capacityReservations';
import { defineAction } from './define';

/** A new instance count, end date (type) or match criteria. */
export default defineAction('ModifyCapacityReservation', (input, ctx) => {
  modifyCapacityReservation(ctx, input);
  return { Return: true };
});
