/** Subnet CIDR reservations as the API shows them (tags loaded in batch). */
import type { LoadContext } from './context';
import type { SubnetCidrReservation } from '../protocol/model/types.generated';
import type { SubnetCidrReservationRow } from '../store/rows';

export function presentSubnetCidrReservations(ctx: LoadContext, rows: readonly SubnetCidrReservationRow[]): SubnetCidrReservation[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => ({
    SubnetCidrReservationId: r.id,
    SubnetId: r.subnet_id,
    Cidr: r.cidr,
    ReservationType: r.reservation_type as SubnetCidrReservation['ReservationType'],
    OwnerId: r.account,
    Description: r.description ?? undefined,
    Tags: tags.get(r.id)?.length ? tags.get(r.id) : undefined,
  }));
}
