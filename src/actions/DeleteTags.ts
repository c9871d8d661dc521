import { requireTaggable } from '../domain/tags';
import { RequestErrors } from '../errors';
import { defineAction } from './define';

/** No Tag.N: every tag goes. A Tag.N without Value: that key whatever its value. With Value (even ""): only if equal. */
export default defineAction('DeleteTags', (input, ctx) => {
  if (input.Resources.length === 0) throw RequestErrors.missingParameter('resourceIdSet');
  for (const id of input.Resources) requireTaggable(ctx, id);
  for (const id of input.Resources) {
    if (!input.Tags || input.Tags.length === 0) ctx.store.tags.removeAll(id);
    else for (const t of input.Tags) ctx.store.tags.remove(id, t.Key ?? '', t.Value);
  }
});
