import { deleteKeyPair } from '../domain/keyPairs';
import { RequestErrors } from '../errors';
import { defineAction } from './define';

/** Deleting a key pair that does not exist succeeds, as on AWS. */
export default defineAction('DeleteKeyPair', (input, ctx) => {
  if (input.KeyName === undefined && input.KeyPairId === undefined) throw RequestErrors.missingParameter('keyName');
  return { Return: true, KeyPairId: deleteKeyPair(ctx, { id: input.KeyPairId, name: input.KeyName }) };
});
