/**
 * Placement groups (docs/behavior.md "Placement groups"): cluster, spread (rack or host) and partition (1..7
 * partitions). A group is `available` as soon as it is created and gone as soon as it is deleted; it cannot be
 * deleted while instances that are not terminated use it. RunInstances checks its Placement against the group:
 * a cluster group keeps to the zone of its first instance, a spread group holds 7 instances per zone, a partition
 * group spreads instances over its partitions unless PartitionNumber names one.
 */
import type { RequestContext } from '../core/context';
import { PlacementGroupErrors } from '../errors';
import type { Tag, PlacementGroup } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';
import type { PlacementGroupRow } from '../store/rows';
import { addTags } from './tags';

/** AWS's limits: at most seven partitions, and seven instances per zone in a spread group. */
export const MAX_PARTITIONS = 7;
export const SPREAD_PER_ZONE = 7;

export function requirePlacementGroupByName(ctx: RequestContext, name: string): PlacementGroupRow {
  const g = ctx.store.placementGroups.byName(ctx.scope, name);
  if (!g) throw PlacementGroupErrors.unknown(name);
  return g;
}

export function requirePlacementGroupById(ctx: RequestContext, id: string): PlacementGroupRow {
  const g = ctx.store.placementGroups.get(ctx.scope, id);
  if (!g) throw PlacementGroupErrors.idNotFound(id);
  return g;
}

export function listPlacementGroups(ctx: RequestContext, opts: ListOptions): PlacementGroupRow[] {
  return ctx.store.placementGroups.list(ctx.scope, opts);
}

export interface NewPlacementGroup {
  GroupName?: string;
  Strategy?: string;
  SpreadLevel?: string;
  PartitionCount?: number;
}

export function createPlacementGroup(ctx: RequestContext, spec: NewPlacementGroup, tags: readonly Tag[]): PlacementGroupRow {
  const strategy = spec.Strategy ?? 'cluster';
  if (spec.PartitionCount !== undefined) {
    if (strategy !== 'partition') throw PlacementGroupErrors.partitionCountStrategy();
    if (spec.PartitionCount < 1 || spec.PartitionCount > MAX_PARTITIONS) throw PlacementGroupErrors.partitionCount(spec.PartitionCount);
  }
  if (spec.SpreadLevel !== undefined && strategy !== 'spread') throw PlacementGroupErrors.spreadLevelStrategy();
  const id = ctx.ids.id('pg');
  // AWS names the group by its id when no name is given
  const name = spec.GroupName ?? id;
  if (ctx.store.placementGroups.byName(ctx.scope, name)) throw PlacementGroupErrors.duplicate(name);
  ctx.store.placementGroups.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name,
    strategy,
    // AWS shows rack for a spread group created without a level, and a partition group's count (2 by default)
    spread_level: strategy === 'spread' ? (spec.SpreadLevel ?? 'rack') : null,
    partition_count: strategy === 'partition' ? (spec.PartitionCount ?? 2) : null,
    state: 'available',
    created_at: ctx.now,
  });
  addTags(ctx, id, 'placement-group', tags);
  return ctx.store.placementGroups.get(ctx.scope, id)!;
}

export function deletePlacementGroup(ctx: RequestContext, name: string): void {
  const g = requirePlacementGroupByName(ctx, name);
  if (ctx.store.placementGroups.liveInstancesByZone(g.id).size > 0) throw PlacementGroupErrors.inUse(g.name);
  ctx.store.placementGroups.delete(g.id);
}

export interface PlacementRequest {
  GroupName?: string;
  GroupId?: string;
  PartitionNumber?: number;
}

export interface PlacementPlan {
  group: PlacementGroupRow;
  /** The partition each launched instance takes (partition groups), in launch order. */
  partitions: (number | null)[];
}

/**
 * RunInstances' Placement.GroupName / GroupId / PartitionNumber against the group, for `count` instances in
 * `zone`; undefined when the request names no group.
 */
export function planPlacement(ctx: RequestContext, placement: PlacementRequest | undefined, zone: string, count: number): PlacementPlan | undefined {
  const name = placement?.GroupName || undefined;
  const id = placement?.GroupId || undefined;
  if (name === undefined && id === undefined) {
    if (placement?.PartitionNumber !== undefined) throw PlacementGroupErrors.partitionNumberStrategy();
    return undefined;
  }
  if (name !== undefined && id !== undefined) throw PlacementGroupErrors.nameAndId();
  const group = name !== undefined ? requirePlacementGroupByName(ctx, name) : requirePlacementGroupById(ctx, id!);
  const zones = ctx.store.placementGroups.liveInstancesByZone(group.id);
  const partitionNumber = placement?.PartitionNumber;
  if (partitionNumber !== undefined && group.strategy !== 'partition') throw PlacementGroupErrors.partitionNumberStrategy();
  if (group.strategy === 'cluster') {
    const other = [...zones.keys()].find((z) => z !== zone);
    if (other !== undefined) throw PlacementGroupErrors.otherZone(group.name, other);
  }
  if (group.strategy === 'spread' && (zones.get(zone) ?? 0) + count > SPREAD_PER_ZONE) throw PlacementGroupErrors.spreadFull(group.name, zone);
  if (group.strategy !== 'partition') return { group, partitions: Array.from({ length: count }, () => null) };
  const partitionCount = group.partition_count ?? 1;
  if (partitionNumber !== undefined) {
    if (partitionNumber < 1 || partitionNumber > partitionCount) throw PlacementGroupErrors.partitionNumber(partitionNumber, partitionCount);
    return { group, partitions: Array.from({ length: count }, () => partitionNumber) };
  }
  // no partition named: each instance goes to the least used partition (lowest number first), as EC2 spreads them
  const used = ctx.store.placementGroups.livePartitions(group.id);
  const partitions: number[] = [];
  for (let k = 0; k < count; k++) {
    let best = 1;
    for (let p = 2; p <= partitionCount; p++) if ((used.get(p) ?? 0) < (used.get(best) ?? 0)) best = p;
    used.set(best, (used.get(best) ?? 0) + 1);
    partitions.push(best);
  }
  return { group, partitions };
}

/** The group an instance shows in its Placement: name and id, looked up once per page. */
export function placementGroupsById(ctx: { store: RequestContext['store']; scope: RequestContext['scope'] }, ids: readonly string[]): Map<string, PlacementGroupRow> {
  return ids.length === 0 ? new Map() : ctx.store.placementGroups.getMany(ctx.scope, ids);
}

export function placementGroupArn(ctx: RequestContext, g: PlacementGroupRow): string {
  return `arn:aws:ec2:${g.region}:${g.account}:placement-group/${g.name}`;
}

export type { PlacementGroup };
