import { cancelCapacityReservation } from '../domain/capacityReservations';
import { defineAction } from './define';

/** The reservation is `cancelled`; its instances keep running outside it. */
export default defineAction('CancelCapacityReservation', (input, ctx) => {
  cancelCapacityReservation(ctx, input.CapacityReservationId);
  return { Return: true };
});
