import { createSubnetCidrReservation } from '../domain/subnetCidrReservations';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { presentSubnetCidrReservations } from '../views/subnetCidrReservation';
import { defineAction } from './define';

export default defineAction('CreateSubnetCidrReservation', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['subnet-cidr-reservation']).get('subnet-cidr-reservation') ?? [];
  const row = createSubnetCidrReservation(ctx, {
    subnetId: input.SubnetId,
    cidr: input.Cidr,
    reservationType: input.ReservationType,
    description: input.Description,
  });
  addTags(ctx, row.id, 'subnet-cidr-reservation', tags);
  return { SubnetCidrReservation: presentSubnetCidrReservations(ctx, [row])[0] };
});
