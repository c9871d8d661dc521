import { createFleet } from '../domain/fleets';
import { tagsFromSpecifications } from '../domain/tags';
import { defineAction } from './define';

/** instant: launched now, Instances and Errors in the answer; request / maintain: the back end launches them. */
export default defineAction('CreateFleet', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['fleet', 'instance']);
  const { fleet, result } = createFleet(ctx, input, { fleet: tags.get('fleet') ?? [], instance: tags.get('instance') ?? [] });
  return { FleetId: fleet.id, Instances: result?.instances, Errors: result?.errors };
});
