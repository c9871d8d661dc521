import type { FilterSpec } from '../filters/engine';
import { compileFilters } from '../filters/engine';
import { paginate } from '../pagination';
import type { TagDescription } from '../protocol/model/types.generated';
import { defineAction } from './define';

const filters: FilterSpec<TagDescription> = {
  fields: {
    key: { get: (t) => t.Key, sql: 't.key' },
    value: { get: (t) => t.Value, sql: 't.value' },
    'resource-id': { get: (t) => t.ResourceId, sql: 't.resource_id' },
    'resource-type': { get: (t) => t.ResourceType, sql: 't.resource_type' },
  },
};

export default defineAction('DescribeTags', (input, ctx) => {
  // tag:<key> here means "resources having that tag": every tag of such a resource is listed.
  const tagFilters = (input.Filters ?? []).filter((f) => f.Name?.startsWith('tag:'));
  const plain = (input.Filters ?? []).filter((f) => !f.Name?.startsWith('tag:'));
  const f = compileFilters(filters, plain, ctx.scope);
  const clauses = [...f.clauses];
  for (const tf of tagFilters) {
    clauses.push({
      sql: 't.resource_id IN (SELECT resource_id FROM tags WHERE account = ? AND region = ? AND key = ? AND value IN (SELECT value FROM json_each(?)))',
      params: [ctx.scope.account, ctx.scope.region, tf.Name!.slice(4), JSON.stringify(tf.Values ?? [])],
    });
  }
  const page = paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: JSON.stringify(input.Filters ?? []) },
    (afterSeq, limit) =>
      ctx.store.tags.list(ctx.scope, { clauses, afterSeq, limit }).map((r) => ({
        seq: r.seq,
        item: { ResourceId: r.resource_id, ResourceType: r.resource_type, Key: r.key, Value: r.value } as TagDescription,
      })),
    f.matches,
  );
  return { Tags: page.items, NextToken: page.nextToken };
});
