import { RequestErrors } from '../errors';
import { defineAction } from './define';

/** Deleting a key pair that does not exist succeeds, as on AWS. */
export default defineAction('DeleteKeyPair', (input, ctx) => {
  if (input.KeyName === undefined && input.KeyPairId === undefined) throw RequestErrors.missingParameter('keyName');
  const row =
    input.KeyPairId !== undefined ? ctx.store.keyPairs.get(ctx.scope, input.KeyPairId) : ctx.store.keyPairs.byName(ctx.scope, input.KeyName!);
  if (row) ctx.store.keyPairs.delete(row.id);
  return { Return: true, KeyPairId: row?.id };
});
