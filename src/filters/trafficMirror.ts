/** The filters of DescribeTrafficMirrorTargets, ...Filters and ...Sessions (every name the model documents). */
import type { TrafficMirrorFilter, TrafficMirrorSession, TrafficMirrorTarget } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const mirrorTargetFilters: FilterSpec<TrafficMirrorTarget> = {
  idSql: 'm.id',
  tags: (x) => x.Tags,
  fields: {
    description: { get: (x) => x.Description, sql: 'm.description' },
    'network-interface-id': { get: (x) => x.NetworkInterfaceId, sql: 'm.network_interface_id' },
    'network-load-balancer-arn': { get: (x) => x.NetworkLoadBalancerArn, sql: 'm.network_load_balancer_arn' },
    'owner-id': { get: (x) => x.OwnerId, sql: 'm.account' },
    'traffic-mirror-target-id': { get: (x) => x.TrafficMirrorTargetId, sql: 'm.id' },
  },
};

export const mirrorFilterFilters: FilterSpec<TrafficMirrorFilter> = {
  idSql: 'm.id',
  tags: (x) => x.Tags,
  fields: {
    description: { get: (x) => x.Description, sql: 'm.description' },
    'traffic-mirror-filter-id': { get: (x) => x.TrafficMirrorFilterId, sql: 'm.id' },
  },
};

export const mirrorSessionFilters: FilterSpec<TrafficMirrorSession> = {
  idSql: 'm.id',
  tags: (x) => x.Tags,
  fields: {
    description: { get: (x) => x.Description, sql: 'm.description' },
    'network-interface-id': { get: (x) => x.NetworkInterfaceId, sql: 'm.network_interface_id' },
    'owner-id': { get: (x) => x.OwnerId, sql: 'm.account' },
    'packet-length': { get: (x) => x.PacketLength },
    'session-number': { get: (x) => x.SessionNumber },
    'traffic-mirror-filter-id': { get: (x) => x.TrafficMirrorFilterId, sql: 'm.filter_id' },
    'traffic-mirror-session-id': { get: (x) => x.TrafficMirrorSessionId, sql: 'm.id' },
    'traffic-mirror-target-id': { get: (x) => x.TrafficMirrorTargetId, sql: 'm.target_id' },
    'virtual-network-id': { get: (x) => x.VirtualNetworkId },
  },
};
