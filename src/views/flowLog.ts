/** Flow logs as DescribeFlowLogs shows them. */
import type { LoadContext } from './context';
import type { DestinationOptionsResponse, FlowLog } from '../protocol/model/types.generated';
import type { FlowLogRow } from '../store/rows';

/** With their tags (one query). Delivery always "succeeds": nothing is sent anywhere. */
export function presentFlowLogs(ctx: LoadContext, rows: readonly FlowLogRow[]): FlowLog[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => ({
    CreationTime: new Date(r.created_at),
    DeliverLogsPermissionArn: r.deliver_logs_permission_arn ?? undefined,
    DeliverCrossAccountRole: r.deliver_cross_account_role ?? undefined,
    DeliverLogsStatus: 'SUCCESS',
    FlowLogId: r.id,
    FlowLogStatus: 'ACTIVE',
    LogGroupName: r.log_group_name ?? undefined,
    ResourceId: r.resource_id,
    TrafficType: r.traffic_type as FlowLog['TrafficType'],
    LogDestinationType: r.log_destination_type as FlowLog['LogDestinationType'],
    LogDestination: r.log_destination ?? undefined,
    LogFormat: r.log_format,
    Tags: tags.get(r.id) ?? [],
    MaxAggregationInterval: r.max_aggregation_interval,
    DestinationOptions: r.destination_options ? (JSON.parse(r.destination_options) as DestinationOptionsResponse) : undefined,
  }));
}
