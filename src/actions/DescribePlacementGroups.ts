import { describe } from '../domain/describe';
import { listPlacementGroups, requirePlacementGroupByName } from '../domain/placementGroups';
import { PlacementGroupErrors } from '../errors';
import { placementGroupFilters } from '../filters/placementGroups';
import { presentPlacementGroups } from '../views/placementGroup';
import { defineAction } from './define';

/** By GroupIds and/or GroupNames (every one must exist), filters and tags; the API has no pagination. */
export default defineAction('DescribePlacementGroups', (input, ctx) => {
  const names = input.GroupNames ?? [];
  const byName = names.map((n) => requirePlacementGroupByName(ctx, n).id);
  const ids = [...(input.GroupIds ?? []), ...byName];
  const page = describe(ctx, {
    ids,
    filters: input.Filters,
    filterSpec: placementGroupFilters,
    list: (opts) => listPlacementGroups(ctx, opts),
    present: (rows) => presentPlacementGroups(ctx, rows),
    notFound: (missing) => PlacementGroupErrors.idNotFound(missing[0]),
  });
  return { PlacementGroups: page.items };
});
