/**
 * VPC flow logs: records of what would be captured for a VPC, a subnet or a network interface, and where it would
 * go. Nothing is captured or delivered; the calls keep AWS's rules (destinations, duplicates, not-found ids) so
 * that tools creating flow logs (Terraform's aws_flow_log, CloudFormation) work. A flow log goes with its
 * resource (schema/006_flow_logs.sql). See docs/behavior.md "Flow logs".
 */
import type { RequestContext } from '../core/context';
import { FlowLogErrors, RequestErrors } from '../errors';
import type { CreateFlowLogsRequest, Tag } from '../protocol/model/types.generated';
import type { FlowLogRow } from '../store/rows';
import type { ListOptions } from '../store/query';
import { requireInterface } from './networkInterfaces';
import { requireSubnet } from './subnets';
import { addTags, tagsFromSpecifications } from './tags';
import { requireVpc } from './vpc';

/** AWS's default record format (version 2 fields). */
export const DEFAULT_LOG_FORMAT =
  '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';

const RESOURCE_CHECKS: Record<string, (ctx: RequestContext, id: string) => unknown> = {
  VPC: requireVpc,
  Subnet: requireSubnet,
  NetworkInterface: requireInterface,
};

/** Where the records would go: a CloudWatch Logs group (by name or ARN), an S3 ARN or a Firehose stream ARN. */
function destinationOf(ctx: RequestContext, input: CreateFlowLogsRequest): { type: string; destination: string; groupName: string | null } {
  const type = input.LogDestinationType ?? 'cloud-watch-logs';
  if (input.LogGroupName === undefined && input.LogDestination === undefined) {
    throw FlowLogErrors.emptyDependant('LogDestination', 'LogGroupName', 'not provided');
  }
  if (type !== 'cloud-watch-logs') {
    if (input.LogGroupName !== undefined) throw FlowLogErrors.dependantType('LogDestination', 'cloud-watch-logs', 'LogGroupName');
    return { type, destination: input.LogDestination as string, groupName: null };
  }
  if (input.DeliverLogsPermissionArn === undefined) {
    throw FlowLogErrors.emptyDependant('DeliverLogsPermissionArn', 'LogDestinationType', 'cloud-watch-logs');
  }
  // A log group given by name is shown by its ARN too, and one given by ARN by its name too, as AWS does.
  const groupName = input.LogGroupName ?? (input.LogDestination as string).replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '');
  const destination = input.LogDestination ?? `arn:aws:logs:${ctx.scope.region}:${ctx.scope.account}:log-group:${groupName}`;
  return { type, destination, groupName };
}

/** CreateFlowLogs: one flow log per resource, all checked before any is written. */
export function createFlowLogs(ctx: RequestContext, input: CreateFlowLogsRequest): string[] {
  const check = RESOURCE_CHECKS[input.ResourceType];
  if (!check) throw FlowLogErrors.resourceType(input.ResourceType);
  if (input.TrafficType === undefined) throw RequestErrors.missingParameter('trafficType');
  const interval = input.MaxAggregationInterval ?? 600;
  if (interval !== 60 && interval !== 600) throw FlowLogErrors.aggregationInterval();
  const { type, destination, groupName } = destinationOf(ctx, input);
  const tags: Tag[] = tagsFromSpecifications(input.TagSpecifications, ['vpc-flow-log']).get('vpc-flow-log') ?? [];
  const resourceIds = [...new Set(input.ResourceIds)];
  for (const resourceId of resourceIds) {
    check(ctx, resourceId);
    // The same resource may have several flow logs, each to its own destination.
    const same = ctx.store.flowLogs.ofResource(resourceId).some((f) => f.log_destination_type === type && f.log_destination === destination);
    if (same) throw FlowLogErrors.alreadyExists();
  }
  return resourceIds.map((resourceId) => {
    const id = ctx.ids.id('fl');
    ctx.store.flowLogs.insert({
      id,
      account: ctx.scope.account,
      region: ctx.scope.region,
      resource_id: resourceId,
      resource_type: input.ResourceType,
      traffic_type: input.TrafficType,
      log_destination_type: type,
      log_destination: destination,
      log_group_name: groupName,
      deliver_logs_permission_arn: input.DeliverLogsPermissionArn ?? null,
      deliver_cross_account_role: input.DeliverCrossAccountRole ?? null,
      log_format: input.LogFormat ?? DEFAULT_LOG_FORMAT,
      max_aggregation_interval: interval,
      destination_options: input.DestinationOptions ? JSON.stringify(input.DestinationOptions) : null,
      created_at: ctx.now,
    });
    addTags(ctx, id, 'vpc-flow-log', tags);
    return id;
  });
}

/** DeleteFlowLogs: every id must exist (AWS lists the missing ones), then all go. */
export function deleteFlowLogs(ctx: RequestContext, ids: readonly string[]): void {
  const found = ctx.store.flowLogs.getMany(ctx.scope, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw FlowLogErrors.notFound(ids);
  for (const id of found.keys()) {
    ctx.store.tags.removeAll(ctx.scope, id);
    ctx.store.flowLogs.delete(id);
  }
}

export function listFlowLogs(ctx: RequestContext, opts: ListOptions): FlowLogRow[] {
  return ctx.store.flowLogs.list(ctx.scope, opts);
}
