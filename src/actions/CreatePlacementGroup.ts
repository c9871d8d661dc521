import { createPlacementGroup } from '../domain/placementGroups';
import { tagsFromSpecifications } from '../domain/tags';
import { presentPlacementGroups } from '../views/placementGroup';
import { defineAction } from './define';

/** `available` at once (AWS's groups are too); cluster unless Strategy says otherwise. */
export default defineAction('CreatePlacementGroup', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['placement-group']).get('placement-group') ?? [];
  const group = createPlacementGroup(ctx, input, tags);
  return { PlacementGroup: presentPlacementGroups(ctx, [group])[0] };
});
