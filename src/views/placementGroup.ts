/** Placement groups as the API shows them. */
import type { RequestContext } from '../core/context';
import { placementGroupArn } from '../domain/placementGroups';
import type { PlacementGroup } from '../protocol/model/types.generated';
import type { PlacementGroupRow } from '../store/rows';

export function presentPlacementGroups(ctx: RequestContext, rows: readonly PlacementGroupRow[]): PlacementGroup[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((g) => ({
    GroupName: g.name,
    GroupId: g.id,
    GroupArn: placementGroupArn(ctx, g),
    State: g.state as 'available',
    Strategy: g.strategy as 'cluster',
    SpreadLevel: (g.spread_level ?? undefined) as 'rack' | undefined,
    PartitionCount: g.partition_count ?? undefined,
    Tags: tags.get(g.id) ?? [],
  }));
}
