import { listKeyPairs } from '../domain/keyPairs';
import { compileFilters } from '../filters/engine';
import { keyPairFilters } from '../filters/keyPairs';
import { presentKeyPairs } from '../views/keyPair';
import { defineAction } from './define';

export default defineAction('DescribeKeyPairs', (input, ctx) => {
  const rows = listKeyPairs(ctx, input.KeyNames, input.KeyPairIds);
  const f = compileFilters(keyPairFilters, input.Filters, ctx.scope);
  return { KeyPairs: presentKeyPairs(ctx, rows, input.IncludePublicKey).filter(f.matches) };
});
