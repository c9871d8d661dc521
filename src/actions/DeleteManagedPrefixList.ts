import { deletePrefixList } from '../domain/prefixLists';
import { presentPrefixLists } from '../views/prefixList';
import { defineAction } from './define';

/** Refused while a route or a security group rule references the list. */
export default defineAction('DeleteManagedPrefixList', (input, ctx) => {
  const pl = deletePrefixList(ctx, input.PrefixListId);
  return { PrefixList: presentPrefixLists(ctx, [pl])[0] };
});
