import { describe } from '../domain/describe';
import { listCapacityReservations } from '../domain/capacityReservations';
import { CapacityReservationErrors } from '../errors';
import { capacityReservationFilters } from '../filters/capacityReservations';
import { presentCapacityReservations } from '../views/capacityReservation';
import { defineAction } from './define';

/** The account's reservations by id, filters and tags, paged. */
export default defineAction('DescribeCapacityReservations', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.CapacityReservationIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: capacityReservationFilters,
    list: (opts) => listCapacityReservations(ctx, opts),
    present: (rows) => presentCapacityReservations(ctx, rows),
    notFound: (missing) => CapacityReservationErrors.notFound(missing[0]),
  });
  return { CapacityReservations: page.items, NextToken: page.nextToken };
});
