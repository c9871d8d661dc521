import { prefixListAssociations } from '../domain/prefixLists';
import { paginate } from '../pagination';
import { defineAction } from './define';

/** The route tables and security groups that reference the list. */
export default defineAction('GetManagedPrefixListAssociations', (input, ctx) => {
  const all = prefixListAssociations(ctx, input.PrefixListId);
  const page = paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: input.PrefixListId },
    (afterSeq, limit) => all.slice(afterSeq, afterSeq + limit).map((item, i) => ({ seq: afterSeq + i + 1, item })),
  );
  return { PrefixListAssociations: page.items, NextToken: page.nextToken };
});
