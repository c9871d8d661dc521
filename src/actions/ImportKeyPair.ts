import { InstanceErrors } from '../errors';
import { inspectPublicKey } from '../domain/keyMaterial';
import { checkNewKeyPair, storeKeyPair } from '../domain/keyPairs';
import { defineAction } from './define';

export default defineAction('ImportKeyPair', (input, ctx) => {
  const tags = checkNewKeyPair(ctx, input.KeyName, input.TagSpecifications);
  const key = inspectPublicKey(Buffer.from(input.PublicKeyMaterial, 'base64').toString('utf8'));
  if (!key) throw InstanceErrors.keyFormat();
  const stored = storeKeyPair(ctx, { name: input.KeyName, fingerprint: key.fingerprint, type: key.type, publicKey: key.publicKey }, tags);
  return { KeyPairId: stored.id, KeyName: input.KeyName, KeyFingerprint: key.fingerprint, Tags: stored.tags };
});
