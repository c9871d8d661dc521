/** Key pairs as DescribeKeyPairs shows them. */
import type { LoadContext } from './context';
import type { KeyPairInfo } from '../protocol/model/types.generated';
import type { KeyPairRow } from '../store/rows';

/** With their tags (one query); the public key only when asked for. */
export function presentKeyPairs(ctx: LoadContext, rows: readonly KeyPairRow[], includePublicKey: boolean | undefined): KeyPairInfo[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => ({
    KeyPairId: r.id,
    KeyType: r.key_type as 'rsa',
    Tags: tags.get(r.id) ?? [],
    PublicKey: includePublicKey ? (r.public_key ?? undefined) : undefined,
    CreateTime: new Date(r.created_at),
    KeyName: r.name,
    KeyFingerprint: r.fingerprint,
  }));
}
