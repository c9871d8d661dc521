import { NotFoundErrors } from '../errors';
import { stateOf } from '../domain/instances';
import { zoneByName } from '../domain/regions';
import type { FilterSpec } from '../filters/engine';
import { getOperation } from '../protocol/model';
import type { InstanceStatus, InstanceStatusSummary } from '../protocol/model/types.generated';
import type { InstanceRow } from '../store/rows';
import { describe } from '../domain/describe';
import { defineAction } from './define';

/** ok once running, initializing while pending, not-applicable when the instance is not up. */
function summary(state: string): InstanceStatusSummary {
  if (state === 'running') return { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] };
  if (state === 'pending') return { Status: 'initializing', Details: [{ Name: 'reachability', Status: 'initializing' }] };
  return { Status: 'not-applicable' };
}

function present(row: InstanceRow): InstanceStatus {
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

const none = { get: () => undefined };
const documented = Object.fromEntries((getOperation('DescribeInstanceStatus')?.filters ?? []).map((n) => [n, none]));

const filters: FilterSpec<InstanceStatus> = {
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

/** Running instances only, unless IncludeAllInstances. */
export default defineAction('DescribeInstanceStatus', (input, ctx) => {
  const runningOnly = input.IncludeAllInstances !== true;
  const page = describe(ctx, {
    ids: input.InstanceIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    idSetName: 'instancesSet',
    existing: (ids) => new Set(ctx.store.instances.getMany(ctx.scope, ids).keys()),
    list: (opts) =>
      ctx.store.instances.list(ctx.scope, {
        ...opts,
        clauses: runningOnly ? [...(opts.clauses ?? []), { sql: "i.state = 'running'", params: [] }] : opts.clauses,
      }),
    present: (rows) => rows.map(present),
    notFound: (missing) => NotFoundErrors.instances(missing),
  });
  return { InstanceStatuses: page.items, NextToken: page.nextToken };
});
