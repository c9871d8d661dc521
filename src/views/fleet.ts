/** EC2 Fleets and Spot Instance requests as the API shows them (docs/behavior.md "Fleets and spot"). */
import type { RequestContext } from '../core/context';
import { type FleetLaunchResult, fleetRequest } from '../domain/fleets';
import { presentLaunchSpecification } from '../domain/spot';
import { spotFleetConfig } from '../domain/spotFleets';
import { zoneByName } from '../domain/regions';
import type {
  ActiveInstance,
  FleetData,
  FleetLaunchTemplateConfig,
  RequestSpotLaunchSpecification,
  SpotFleetRequestConfig,
  SpotInstanceRequest,
  Tag,
} from '../protocol/model/types.generated';
import type { FleetRow, InstanceRow, SpotFleetRow, SpotRequestRow } from '../store/rows';

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;

function present(f: FleetRow, tags: Tag[], live: readonly InstanceRow[]): FleetData {
  const req = fleetRequest(f);
  const launched = f.launch_result ? (JSON.parse(f.launch_result) as FleetLaunchResult) : undefined;
  return {
    ActivityStatus: (f.activity_status ?? undefined) as FleetData['ActivityStatus'],
    CreateTime: new Date(f.created_at),
    FleetId: f.id,
    FleetState: f.state as FleetData['FleetState'],
    ClientToken: f.client_token ?? undefined,
    ExcessCapacityTerminationPolicy: (f.excess_capacity_termination_policy ?? undefined) as FleetData['ExcessCapacityTerminationPolicy'],
    FulfilledCapacity: f.fulfilled_capacity,
    FulfilledOnDemandCapacity: f.fulfilled_on_demand_capacity,
    // The request's configs as given (request and response shapes share these member names).
    LaunchTemplateConfigs: req.LaunchTemplateConfigs as FleetLaunchTemplateConfig[],
    TargetCapacitySpecification: {
      TotalTargetCapacity: f.total_target_capacity,
      OnDemandTargetCapacity: f.on_demand_target_capacity ?? 0,
      SpotTargetCapacity: f.spot_target_capacity ?? 0,
      DefaultTargetCapacityType: f.default_target_capacity_type as 'spot' | 'on-demand',
    },
    TerminateInstancesWithExpiration: req.TerminateInstancesWithExpiration ?? false,
    Type: f.type as FleetData['Type'],
    ValidFrom: req.ValidFrom ? new Date(req.ValidFrom) : undefined,
    ValidUntil: req.ValidUntil ? new Date(req.ValidUntil) : undefined,
    ReplaceUnhealthyInstances: req.ReplaceUnhealthyInstances ?? false,
    // AWS's defaults read back in its own spelling, `lowestPrice` (terraform-provider-aws TestAccEC2Fleet_basic)
    SpotOptions: { AllocationStrategy: 'lowestPrice', InstanceInterruptionBehavior: 'terminate', InstancePoolsToUseCount: 1, ...req.SpotOptions } as FleetData['SpotOptions'],
    OnDemandOptions: { AllocationStrategy: 'lowestPrice', ...req.OnDemandOptions } as FleetData['OnDemandOptions'],
    Tags: tags,
    Context: req.Context,
    // instant fleets show what their launch answered; the others what runs now
    Instances:
      launched?.instances ??
      groupLive(live),
    Errors: launched?.errors ?? [],
  };
}

function groupLive(live: readonly InstanceRow[]): FleetData['Instances'] {
  const groups = new Map<string, { type: string; lifecycle: 'spot' | 'on-demand'; ids: string[] }>();
  for (const i of live) {
    const lifecycle = i.instance_lifecycle === 'spot' ? 'spot' : 'on-demand';
    const key = `${i.instance_type}|${lifecycle}`;
    const g = groups.get(key) ?? { type: i.instance_type, lifecycle, ids: [] };
    g.ids.push(i.id);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ InstanceIds: g.ids, InstanceType: g.type, Lifecycle: g.lifecycle }));
}

export function presentFleets(ctx: LoadContext, rows: readonly FleetRow[]): FleetData[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  const live = ctx.store.fleets.liveInstancesOf(rows.filter((r) => r.type !== 'instant').map((r) => r.id));
  return rows.map((r) => present(r, tags.get(r.id) ?? [], live.get(r.id) ?? []));
}

export function presentFleetInstances(rows: readonly InstanceRow[]): ActiveInstance[] {
  return rows.map((i) => ({
    InstanceId: i.id,
    InstanceType: i.instance_type,
    SpotInstanceRequestId: i.spot_instance_request_id ?? undefined,
    InstanceHealth: 'healthy',
  }));
}

export function presentSpotRequests(ctx: LoadContext, rows: readonly SpotRequestRow[]): SpotInstanceRequest[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => {
    const spec = JSON.parse(r.launch_specification) as RequestSpotLaunchSpecification;
    const launchSpecification = presentLaunchSpecification(spec);
    return {
      CreateTime: new Date(r.created_at),
      InstanceId: r.instance_id ?? undefined,
      LaunchGroup: r.launch_group ?? undefined,
      AvailabilityZoneGroup: r.availability_zone_group ?? undefined,
      LaunchSpecification: { ...launchSpecification, Monitoring: { Enabled: spec.Monitoring?.Enabled ?? false } },
      LaunchedAvailabilityZone: r.launched_availability_zone ?? undefined,
      LaunchedAvailabilityZoneId: r.launched_availability_zone ? zoneByName(r.region, r.launched_availability_zone)?.id : undefined,
      ProductDescription: 'Linux/UNIX',
      SpotInstanceRequestId: r.id,
      SpotPrice: r.spot_price,
      State: r.state as SpotInstanceRequest['State'],
      Status: { Code: r.status_code, Message: r.status_message, UpdateTime: new Date(r.status_update_time) },
      Tags: tags.get(r.id) ?? [],
      Type: r.type as SpotInstanceRequest['Type'],
      ValidFrom: r.valid_from !== null ? new Date(r.valid_from) : undefined,
      ValidUntil: r.valid_until !== null ? new Date(r.valid_until) : undefined,
      InstanceInterruptionBehavior: r.interruption_behavior as SpotInstanceRequest['InstanceInterruptionBehavior'],
    };
  });
}

const asDate = (v: Date | string | undefined) => (v === undefined ? undefined : new Date(v));

/**
 * Spot Fleet requests as DescribeSpotFleetRequests shows them: the configuration as given, with the current
 * targets, the fulfilled capacities and AWS's defaults filled in (docs/behavior.md "Spot Fleet requests").
 */
export function presentSpotFleets(ctx: LoadContext, rows: readonly SpotFleetRow[]): SpotFleetRequestConfig[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((f) => {
    const c = spotFleetConfig(f);
    const strategy = c.AllocationStrategy ?? 'lowestPrice';
    return {
      ActivityStatus: (f.activity_status ?? undefined) as SpotFleetRequestConfig['ActivityStatus'],
      CreateTime: new Date(f.created_at),
      SpotFleetRequestId: f.id,
      SpotFleetRequestState: f.state as SpotFleetRequestConfig['SpotFleetRequestState'],
      Tags: tags.get(f.id) ?? [],
      SpotFleetRequestConfig: {
        ...c,
        AllocationStrategy: strategy,
        OnDemandAllocationStrategy: c.OnDemandAllocationStrategy ?? 'lowestPrice',
        ExcessCapacityTerminationPolicy: f.excess_capacity_termination_policy,
        FulfilledCapacity: f.fulfilled_capacity,
        OnDemandFulfilledCapacity: f.on_demand_fulfilled_capacity,
        TargetCapacity: f.target_capacity,
        OnDemandTargetCapacity: f.on_demand_target_capacity,
        TerminateInstancesWithExpiration: c.TerminateInstancesWithExpiration ?? false,
        Type: f.type as 'request' | 'maintain',
        ValidFrom: asDate(c.ValidFrom),
        ValidUntil: asDate(c.ValidUntil),
        ReplaceUnhealthyInstances: c.ReplaceUnhealthyInstances ?? false,
        InstanceInterruptionBehavior: c.InstanceInterruptionBehavior ?? 'terminate',
        InstancePoolsToUseCount: c.InstancePoolsToUseCount ?? (strategy === 'lowestPrice' ? 1 : undefined),
      },
    };
  });
}
