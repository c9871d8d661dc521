import { deleteSubnetCidrReservation, requireSubnetCidrReservation } from '../domain/subnetCidrReservations';
import { presentSubnetCidrReservations } from '../views/subnetCidrReservation';
import { defineAction } from './define';

/** The answer shows the reservation as it was (its tags included), so it is presented before it goes. */
export default defineAction('DeleteSubnetCidrReservation', (input, ctx) => {
  const row = requireSubnetCidrReservation(ctx, input.SubnetCidrReservationId);
  const shown = presentSubnetCidrReservations(ctx, [row])[0];
  deleteSubnetCidrReservation(ctx, row);
  return { DeletedSubnetCidrReservation: shown };
});
