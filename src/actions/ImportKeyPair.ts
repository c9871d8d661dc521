import { addTags, tagsFromSpecifications } from '../domain/tags';
import { InstanceErrors } from '../errors';
import { inspectPublicKey } from './shared/keyPairs';
import { defineAction } from './define';

export default defineAction('ImportKeyPair', (input, ctx) => {
  if (ctx.store.keyPairs.byName(ctx.scope, input.KeyName)) throw InstanceErrors.keyPairDuplicate(input.KeyName);
  const key = inspectPublicKey(Buffer.from(input.PublicKeyMaterial, 'base64').toString('utf8'));
  if (!key) throw InstanceErrors.keyFormat();
  const tags = tagsFromSpecifications(input.TagSpecifications, ['key-pair']).get('key-pair') ?? [];
  const id = ctx.ids.id('key');
  ctx.store.keyPairs.insert({
    id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    name: input.KeyName,
    fingerprint: key.fingerprint,
    key_type: key.type,
    public_key: key.publicKey,
    created_at: ctx.now,
  });
  addTags(ctx, id, 'key-pair', tags);
  return { KeyPairId: id, KeyName: input.KeyName, KeyFingerprint: key.fingerprint, Tags: tags.length ? ctx.store.tags.of(id) : undefined };
});
