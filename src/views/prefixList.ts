/** Managed prefix lists as the API shows them (docs/behavior.md "Managed prefix lists"). */
import type { RequestContext } from '../core/context';
import type { ManagedPrefixList, PrefixList, PrefixListState, Tag } from '../protocol/model/types.generated';
import type { PrefixListRow } from '../store/rows';

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;

function present(p: PrefixListRow, tags: Tag[]): ManagedPrefixList {
  const aws = p.account === 'AWS';
  return {
    PrefixListId: p.id,
    AddressFamily: p.address_family,
    State: p.state as PrefixListState,
    PrefixListArn: `arn:aws:ec2:${p.region}:${aws ? 'aws' : p.account}:prefix-list/${p.id}`,
    PrefixListName: p.name,
    MaxEntries: p.max_entries,
    Version: p.version,
    Tags: tags,
    OwnerId: p.account,
  };
}

/** Lists with their tags, one query. */
export function presentPrefixLists(ctx: LoadContext, rows: readonly PrefixListRow[]): ManagedPrefixList[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => present(r, tags.get(r.id) ?? []));
}

/** DescribePrefixLists' shape: id, name and the current CIDRs (one query). */
export function presentLegacyPrefixLists(ctx: LoadContext, rows: readonly PrefixListRow[]): PrefixList[] {
  const entries = ctx.store.prefixLists.currentEntries(rows);
  return rows.map((r) => ({ PrefixListId: r.id, PrefixListName: r.name, Cidrs: (entries.get(r.id) ?? []).map((e) => e.cidr) }));
}
