import { deleteTags } from '../domain/tags';
import { RequestErrors } from '../errors';
import { defineAction } from './define';

/** No Tag.N: every tag goes. A Tag.N without Value: that key whatever its value. With Value (even ""): only if equal. */
export default defineAction('DeleteTags', (input, ctx) => {
  if (input.Resources.length === 0) throw RequestErrors.missingParameter('resourceIdSet');
  deleteTags(ctx, input.Resources, input.Tags);
});
