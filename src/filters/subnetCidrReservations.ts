/** GetSubnetCidrReservations filters (every name AWS documents); the reservation type goes to SQL. */
import type { FilterSpec } from './engine';
import type { SubnetCidrReservation } from '../protocol/model/types.generated';

export const subnetCidrReservationFilters: FilterSpec<SubnetCidrReservation> = {
  idSql: 'r.id',
  tags: (r) => r.Tags,
  fields: {
    reservationType: { get: (r) => r.ReservationType, sql: 'r.reservation_type' },
    'subnet-id': { get: (r) => r.SubnetId, sql: 'r.subnet_id' },
  },
};
