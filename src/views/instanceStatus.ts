/** DescribeInstanceStatus items: the simulated checks pass once an instance runs. */
import { stateOf } from '../domain/instances';
import { zoneByName } from '../domain/regions';
import type { InstanceStatus, InstanceStatusSummary } from '../protocol/model/types.generated';
import type { InstanceRow } from '../store/rows';

/** ok once running, initializing while pending, not-applicable when the instance is not up. */
function summary(state: string): InstanceStatusSummary {
  if (state === 'running') return { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] };
  if (state === 'pending') return { Status: 'initializing', Details: [{ Name: 'reachability', Status: 'initializing' }] };
  return { Status: 'not-applicable' };
}

export function presentInstanceStatus(row: InstanceRow): InstanceStatus {
  return {
    AvailabilityZone: row.availability_zone,
    AvailabilityZoneId: zoneByName(row.region, row.availability_zone)?.id,
    Operator: { Managed: false },
    Events: [],
    InstanceId: row.id,
    InstanceState: stateOf(row.state),
    InstanceStatus: summary(row.state),
    SystemStatus: summary(row.state),
    AttachedEbsStatus: summary(row.state),
  };
}
