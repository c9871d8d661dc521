/** Key pairs: a unique name per scope, tags from TagSpecifications (key material: keyMaterial.ts). */
import type { RequestContext } from '../core/context';
import { addTags, tagsFromSpecifications } from './tags';
import { InstanceErrors, NotFoundErrors } from '../errors';
import type { Tag, TagSpecification } from '../protocol/model/types.generated';
import type { KeyPairRow } from '../store/rows';

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
  return { id, tags: tags.length ? ctx.store.tags.of(ctx.scope, id) : undefined };
}

/** Deleting a key pair that does not exist succeeds, as on AWS; returns the id of the one deleted. */
export function deleteKeyPair(ctx: RequestContext, by: { id?: string; name?: string }): string | undefined {
  const row = by.id !== undefined ? ctx.store.keyPairs.get(ctx.scope, by.id) : ctx.store.keyPairs.byName(ctx.scope, by.name!);
  if (row) ctx.store.keyPairs.delete(row.id);
  return row?.id;
}

/** The scope's key pairs, narrowed to the names and ids asked for (each of which must exist). */
export function listKeyPairs(ctx: RequestContext, names: readonly string[] = [], ids: readonly string[] = []): KeyPairRow[] {
  const rows = ctx.store.keyPairs.list(ctx.scope);
  for (const name of names) if (!rows.some((r) => r.name === name)) throw NotFoundErrors.keyPair(name);
  for (const id of ids) if (!rows.some((r) => r.id === id)) throw NotFoundErrors.keyPairId(id);
  return rows.filter((r) => (!names.length || names.includes(r.name)) && (!ids.length || ids.includes(r.id)));
}
