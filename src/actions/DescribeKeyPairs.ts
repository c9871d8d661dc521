import { NotFoundErrors } from '../errors';
import { compileFilters, FilterSpec } from '../filters/engine';
import type { KeyPairInfo } from '../protocol/model/types.generated';
import { defineAction } from './define';

const filters: FilterSpec<KeyPairInfo> = {
  tags: (k) => k.Tags,
  fields: {
    fingerprint: { get: (k) => k.KeyFingerprint },
    'key-name': { get: (k) => k.KeyName },
    'key-pair-id': { get: (k) => k.KeyPairId },
  },
};

export default defineAction('DescribeKeyPairs', (input, ctx) => {
  const { store, scope } = ctx;
  const rows = store.keyPairs.list(scope);
  for (const name of input.KeyNames ?? []) if (!rows.some((r) => r.name === name)) throw NotFoundErrors.keyPair(name);
  for (const id of input.KeyPairIds ?? []) if (!rows.some((r) => r.id === id)) throw NotFoundErrors.keyPairId(id);
  const tags = store.tags.forResources(rows.map((r) => r.id));
  const f = compileFilters(filters, input.Filters, scope);
  const items: KeyPairInfo[] = rows
    .filter((r) => (!input.KeyNames?.length || input.KeyNames.includes(r.name)) && (!input.KeyPairIds?.length || input.KeyPairIds.includes(r.id)))
    .map((r) => ({
      KeyPairId: r.id,
      KeyType: r.key_type as 'rsa',
      Tags: tags.get(r.id) ?? [],
      PublicKey: input.IncludePublicKey ? (r.public_key ?? undefined) : undefined,
      CreateTime: new Date(r.created_at),
      KeyName: r.name,
      KeyFingerprint: r.fingerprint,
    }));
  return { KeyPairs: items.filter(f.matches) };
});
