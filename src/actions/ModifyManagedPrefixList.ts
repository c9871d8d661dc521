import { modifyPrefixList } from '../domain/prefixLists';
import { presentPrefixLists } from '../views/prefixList';
import { defineAction } from './define';

/** A new version when entries change; `modify-in-progress` until the back end completes it. */
export default defineAction('ModifyManagedPrefixList', (input, ctx) => {
  const pl = modifyPrefixList(ctx, input);
  return { PrefixList: presentPrefixLists(ctx, [pl])[0] };
});
