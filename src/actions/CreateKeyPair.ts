import { checkNewKeyPair, storeKeyPair } from '../domain/keyPairs';
import { generateKey } from '../domain/keyMaterial';
import { defineAction } from './define';

export default defineAction('CreateKeyPair', (input, ctx) => {
  const tags = checkNewKeyPair(ctx, input.KeyName, input.TagSpecifications);
  const type = input.KeyType === 'ed25519' ? 'ed25519' : 'rsa';
  const key = generateKey(type);
  const stored = storeKeyPair(ctx, { name: input.KeyName, fingerprint: key.fingerprint, type, publicKey: key.publicKey }, tags);
  return { KeyPairId: stored.id, KeyName: input.KeyName, KeyFingerprint: key.fingerprint, KeyMaterial: key.material, Tags: stored.tags };
});
