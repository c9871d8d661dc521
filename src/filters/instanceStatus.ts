/** DescribeInstanceStatus filters (every name AWS documents; events and EBS are not modelled and match nothing). */
import { getOperation } from '../protocol/model';
import type { InstanceStatus } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

const none = { get: () => undefined };
const documented = Object.fromEntries((getOperation('DescribeInstanceStatus')?.filters ?? []).map((n) => [n, none]));

export const instanceStatusFilters: FilterSpec<InstanceStatus> = {
  fields: {
    ...documented,
    'availability-zone': { get: (s) => s.AvailabilityZone, sql: 'i.availability_zone' },
    'availability-zone-id': { get: (s) => s.AvailabilityZoneId },
    'instance-state-code': { get: (s) => s.InstanceState?.Code },
    'instance-state-name': { get: (s) => s.InstanceState?.Name, sql: 'i.state' },
    'instance-status.reachability': { get: (s) => s.InstanceStatus?.Details?.map((d) => d.Status) },
    'instance-status.status': { get: (s) => s.InstanceStatus?.Status },
    'system-status.reachability': { get: (s) => s.SystemStatus?.Details?.map((d) => d.Status) },
    'system-status.status': { get: (s) => s.SystemStatus?.Status },
    'attached-ebs-status.status': { get: (s) => s.AttachedEbsStatus?.Status },
    'operator.managed': { get: () => false },
  },
};
