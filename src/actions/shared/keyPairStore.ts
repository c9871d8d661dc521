/** Writing a key pair (CreateKeyPair and ImportKeyPair): unique name per scope, tags from TagSpecifications. */
import type { RequestContext } from '../../context';
import { addTags, tagsFromSpecifications } from '../../domain/tags';
import { InstanceErrors } from '../../errors';
import type { Tag, TagSpecification } from '../../protocol/model/types.generated';

export function checkNewKeyPair(ctx: RequestContext, name: string, specs: TagSpecification[] | undefined): Tag[] {
  if (ctx.store.keyPairs.byName(ctx.scope, name)) throw InstanceErrors.keyPairDuplicate(name);
  return tagsFromSpecifications(specs, ['key-pair']).get('key-pair') ?? [];
}

export function storeKeyPair(
  ctx: RequestContext,
  key: { name: string; fingerprint: string; type: string; publicKey: string },
  tags: Tag[],
): { id: string; tags: Tag[] | undefined } {
  const id = ctx.ids.id('key');
  ctx.store.keyPairs.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name: key.name,
    fingerprint: key.fingerprint,
    key_type: key.type,
    public_key: key.publicKey,
    created_at: ctx.now,
  });
  addTags(ctx, id, 'key-pair', tags);
  return { id, tags: tags.length ? ctx.store.tags.of(id) : undefined };
}
