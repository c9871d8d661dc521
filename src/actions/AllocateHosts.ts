import { allocateHosts } from '../domain/hosts';
import { tagsFromSpecifications } from '../domain/tags';
import { defineAction } from './define';

/** Quantity hosts for one instance type or family in one zone, `available` at once. */
export default defineAction('AllocateHosts', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['dedicated-host']).get('dedicated-host') ?? [];
  return { HostIds: allocateHosts(ctx, input, tags) };
});
