/** The filters of DescribeCapacityReservations (every name the model documents), over the API objects. */
import type { CapacityReservation } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const capacityReservationFilters: FilterSpec<CapacityReservation> = {
  idSql: 'c.id',
  tags: (r) => r.Tags,
  fields: {
    'instance-type': { get: (r) => r.InstanceType, sql: 'c.instance_type' },
    'owner-id': { get: (r) => r.OwnerId, sql: 'c.account' },
    'instance-platform': { get: (r) => r.InstancePlatform, sql: 'c.instance_platform' },
    'availability-zone': { get: (r) => r.AvailabilityZone, sql: 'c.availability_zone' },
    tenancy: { get: (r) => r.Tenancy, sql: 'c.tenancy' },
    'outpost-arn': { get: (r) => r.OutpostArn },
    state: { get: (r) => r.State, sql: 'c.state' },
    'start-date': { get: (r) => r.StartDate },
    'end-date': { get: (r) => r.EndDate },
    'end-date-type': { get: (r) => r.EndDateType, sql: 'c.end_date_type' },
    'instance-match-criteria': { get: (r) => r.InstanceMatchCriteria, sql: 'c.instance_match_criteria' },
    'placement-group-arn': { get: (r) => r.PlacementGroupArn },
  },
};
