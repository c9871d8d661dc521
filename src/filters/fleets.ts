/** DescribeFleets, DescribeFleetInstances and DescribeSpotInstanceRequests filters (every name the model documents). */
import { getOperation } from '../protocol/model';
import type { ActiveInstance, FleetData, SpotFleetRequestConfig, SpotInstanceRequest } from '../protocol/model/types.generated';
import type { FilterField, FilterSpec } from './engine';
import { valueAtPath } from './paths';

export const fleetFilters: FilterSpec<FleetData> = {
  idSql: 'f.id',
  tags: (f) => f.Tags,
  fields: {
    'activity-status': { get: (f) => f.ActivityStatus, sql: 'f.activity_status' },
    'excess-capacity-termination-policy': { get: (f) => f.ExcessCapacityTerminationPolicy },
    'fleet-state': { get: (f) => f.FleetState, sql: 'f.state' },
    'replace-unhealthy-instances': { get: (f) => f.ReplaceUnhealthyInstances },
    type: { get: (f) => f.Type, sql: 'f.type' },
  },
};

/** DescribeSpotFleetRequests takes no Filters (the model has none): ids and paging only. */
export const spotFleetFilters: FilterSpec<SpotFleetRequestConfig> = { idSql: 's.id', fields: {} };

export const fleetInstanceFilters: FilterSpec<ActiveInstance> = {
  fields: { 'instance-type': { get: (i) => i.InstanceType, sql: 'i.instance_type' } },
};

type SF = FilterField<SpotInstanceRequest>;
const spec = (get: (s: NonNullable<SpotInstanceRequest['LaunchSpecification']>) => unknown): SF => ({
  get: (s) => (s.LaunchSpecification ? (get(s.LaunchSpecification) as never) : undefined),
});

/** Named fields first; the launch.* and network-interface.* names by member path over the launch specification. */
const OWN: Record<string, SF> = {
  'availability-zone-group': { get: (s) => s.AvailabilityZoneGroup },
  'create-time': { get: (s) => s.CreateTime },
  'fault-code': { get: (s) => s.Fault?.Code },
  'fault-message': { get: (s) => s.Fault?.Message },
  'instance-id': { get: (s) => s.InstanceId, sql: 's.instance_id' },
  'launch-group': { get: (s) => s.LaunchGroup },
  'launch.group-id': spec((l) => l.SecurityGroups?.map((g) => g.GroupId)),
  'launch.group-name': spec((l) => l.SecurityGroups?.map((g) => g.GroupName)),
  'launch.monitoring-enabled': spec((l) => l.Monitoring?.Enabled),
  'launched-availability-zone': { get: (s) => s.LaunchedAvailabilityZone },
  'launched-availability-zone-id': { get: (s) => s.LaunchedAvailabilityZoneId },
  'network-interface.addresses.primary': spec((l) => l.NetworkInterfaces?.flatMap((n) => n.PrivateIpAddresses ?? []).map((a) => a.Primary)),
  'network-interface.group-id': spec((l) => l.NetworkInterfaces?.flatMap((n) => n.Groups ?? [])),
  'product-description': { get: (s) => s.ProductDescription },
  'spot-instance-request-id': { get: (s) => s.SpotInstanceRequestId, sql: 's.id' },
  'spot-price': { get: (s) => s.SpotPrice },
  state: { get: (s) => s.State, sql: 's.state' },
  'status-code': { get: (s) => s.Status?.Code, sql: 's.status_code' },
  'status-message': { get: (s) => s.Status?.Message },
  type: { get: (s) => s.Type, sql: 's.type' },
  'valid-from': { get: (s) => s.ValidFrom },
  'valid-until': { get: (s) => s.ValidUntil },
};

function pathFields(): Record<string, SF> {
  const out: Record<string, SF> = {};
  for (const name of getOperation('DescribeSpotInstanceRequests')?.filters ?? []) {
    if (name.startsWith('tag') || OWN[name]) continue;
    const path = name.startsWith('launch.') ? name.slice('launch.'.length) : name.replace(/^network-interface\./, 'network-interfaces.');
    out[name] = { get: (s) => valueAtPath(s.LaunchSpecification, path) };
  }
  return out;
}

export const spotRequestFilters: FilterSpec<SpotInstanceRequest> = {
  idSql: 's.id',
  tags: (s) => s.Tags,
  fields: { ...pathFields(), ...OWN },
};

export interface PriceItem {
  AvailabilityZone: string;
  AvailabilityZoneId: string;
  InstanceType: string;
  ProductDescription: string;
  SpotPrice: string;
  Timestamp: Date;
}

export const spotPriceFilters: FilterSpec<PriceItem> = {
  fields: {
    'availability-zone': { get: (p) => p.AvailabilityZone },
    'availability-zone-id': { get: (p) => p.AvailabilityZoneId },
    'instance-type': { get: (p) => p.InstanceType },
    'product-description': { get: (p) => p.ProductDescription },
    'spot-price': { get: (p) => p.SpotPrice },
    timestamp: { get: (p) => p.Timestamp },
  },
};
