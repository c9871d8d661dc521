import { createPrefixList } from '../domain/prefixLists';
import { tagsFromSpecifications } from '../domain/tags';
import { presentPrefixLists } from '../views/prefixList';
import { defineAction } from './define';

/** Answers `create-in-progress`; the back end completes it (docs/behavior.md "Managed prefix lists"). */
export default defineAction('CreateManagedPrefixList', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['prefix-list']).get('prefix-list') ?? [];
  const pl = createPrefixList(ctx, input, tags);
  return { PrefixList: presentPrefixLists(ctx, [pl])[0] };
});
