import { describe } from '../domain/describe';
import { listSubnetCidrReservations } from '../domain/subnetCidrReservations';
import { requireSubnet } from '../domain/subnets';
import { PrefixErrors } from '../errors';
import { subnetCidrReservationFilters } from '../filters/subnetCidrReservations';
import { presentSubnetCidrReservations } from '../views/subnetCidrReservation';
import { defineAction } from './define';

/** One page over the subnet's reservations, split into the IPv4 and IPv6 lists AWS answers with. */
export default defineAction('GetSubnetCidrReservations', (input, ctx) => {
  const subnet = requireSubnet(ctx, input.SubnetId);
  const page = describe(ctx, {
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: subnetCidrReservationFilters,
    list: (opts) => listSubnetCidrReservations(ctx, subnet.id, opts),
    present: (rows) => presentSubnetCidrReservations(ctx, rows),
    notFound: (missing) => PrefixErrors.reservationNotFound(missing[0]),
  });
  const v6 = (r: { Cidr?: string }) => r.Cidr?.includes(':') === true;
  return {
    SubnetIpv4CidrReservations: page.items.filter((r) => !v6(r)),
    SubnetIpv6CidrReservations: page.items.filter(v6),
    NextToken: page.nextToken,
  };
});
