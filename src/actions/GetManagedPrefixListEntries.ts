import { prefixListEntries } from '../domain/prefixLists';
import { paginate } from '../pagination';
import { defineAction } from './define';

/** The entries of the current version or of TargetVersion, paginated. */
export default defineAction('GetManagedPrefixListEntries', (input, ctx) => {
  const entries = prefixListEntries(ctx, input.PrefixListId, input.TargetVersion);
  const page = paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: `${input.PrefixListId}|${input.TargetVersion ?? ''}` },
    (afterSeq, limit) => entries.slice(afterSeq, afterSeq + limit).map((e, i) => ({ seq: afterSeq + i + 1, item: { Cidr: e.cidr, Description: e.description ?? undefined } })),
  );
  return { Entries: page.items, NextToken: page.nextToken };
});
