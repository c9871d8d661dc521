import { deletePlacementGroup } from '../domain/placementGroups';
import { RequestErrors } from '../errors';
import { defineAction } from './define';

/** By name only (the API has no id form); refused while instances that are not terminated use the group. */
export default defineAction('DeletePlacementGroup', (input, ctx) => {
  if (input.GroupName === undefined) throw RequestErrors.missingParameter('groupName');
  deletePlacementGroup(ctx, input.GroupName);
  return {};
});
