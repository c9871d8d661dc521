import { restorePrefixListVersion } from '../domain/prefixLists';
import { presentPrefixLists } from '../views/prefixList';
import { defineAction } from './define';

/** PreviousVersion's entries become a new version. */
export default defineAction('RestoreManagedPrefixListVersion', (input, ctx) => {
  const pl = restorePrefixListVersion(ctx, input.PrefixListId, input.PreviousVersion, input.CurrentVersion);
  return { PrefixList: presentPrefixLists(ctx, [pl])[0] };
});
