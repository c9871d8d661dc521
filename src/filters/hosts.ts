/** The filters of DescribeHosts (every name the model documents), over the API objects. */
import type { Host } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const hostFilters: FilterSpec<Host> = {
  idSql: 'h.id',
  tags: (h) => h.Tags,
  fields: {
    'auto-placement': { get: (h) => h.AutoPlacement, sql: 'h.auto_placement' },
    'availability-zone': { get: (h) => h.AvailabilityZone, sql: 'h.availability_zone' },
    'client-token': { get: (h) => h.ClientToken, sql: 'h.client_token' },
    'host-reservation-id': { get: (h) => h.HostReservationId },
    'instance-type': { get: (h) => h.HostProperties?.InstanceType, sql: 'h.instance_type' },
    state: { get: (h) => h.State, sql: 'h.state' },
  },
};
