/** The filters of DescribeFlowLogs, over the API objects (SQL where a column holds the value). */
import type { FlowLog } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const flowLogFilters: FilterSpec<FlowLog> = {
  idSql: 'f.id',
  tags: (f) => f.Tags,
  fields: {
    'deliver-log-status': { get: (f) => f.DeliverLogsStatus },
    'flow-log-id': { get: (f) => f.FlowLogId, sql: 'f.id' },
    'log-destination-type': { get: (f) => f.LogDestinationType, sql: 'f.log_destination_type' },
    'log-group-name': { get: (f) => f.LogGroupName, sql: 'f.log_group_name' },
    'resource-id': { get: (f) => f.ResourceId, sql: 'f.resource_id' },
    'traffic-type': { get: (f) => f.TrafficType, sql: 'f.traffic_type' },
  },
};
