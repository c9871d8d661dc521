import { addTags, requireTaggable, validateTags } from '../domain/tags';
import { RequestErrors } from '../errors';
import { defineAction } from './define';

/** Every resource must exist before any tag is written (the transaction makes it all-or-nothing). */
export default defineAction('CreateTags', (input, ctx) => {
  if (input.Resources.length === 0) throw RequestErrors.missingParameter('resourceIdSet');
  const tags = input.Tags ?? [];
  validateTags(tags);
  for (const id of input.Resources) {
    const t = requireTaggable(ctx, id);
    addTags(ctx, id, t.resourceType, tags);
  }
});
