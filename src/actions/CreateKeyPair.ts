import { addTags, tagsFromSpecifications } from '../domain/tags';
import { InstanceErrors } from '../errors';
import { generateKey } from './shared/keyPairs';
import { defineAction } from './define';

export default defineAction('CreateKeyPair', (input, ctx) => {
  if (ctx.store.keyPairs.byName(ctx.scope, input.KeyName)) throw InstanceErrors.keyPairDuplicate(input.KeyName);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['key-pair']).get('key-pair') ?? [];
  const type = input.KeyType === 'ed25519' ? 'ed25519' : 'rsa';
  const key = generateKey(type);
  const id = ctx.ids.id('key');
  ctx.store.keyPairs.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name: input.KeyName,
    fingerprint: key.fingerprint,
    key_type: type,
    public_key: key.publicKey,
    created_at: ctx.now,
  });
  addTags(ctx, id, 'key-pair', tags);
  return { KeyPairId: id, KeyName: input.KeyName, KeyFingerprint: key.fingerprint, KeyMaterial: key.material, Tags: tags.length ? ctx.store.tags.of(id) : undefined };
});
