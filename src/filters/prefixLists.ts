/** The filters of DescribeManagedPrefixLists (every name the model documents), over the API objects. */
import type { ManagedPrefixList, PrefixList } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const prefixListFilters: FilterSpec<ManagedPrefixList> = {
  idSql: 'p.id',
  tags: (p) => p.Tags,
  fields: {
    'owner-id': { get: (p) => p.OwnerId, sql: 'p.account' },
    'prefix-list-id': { get: (p) => p.PrefixListId, sql: 'p.id' },
    'prefix-list-name': { get: (p) => p.PrefixListName, sql: 'p.name' },
  },
};

/** DescribePrefixLists (AWS-managed lists only). */
export const legacyPrefixListFilters: FilterSpec<PrefixList> = {
  idSql: 'p.id',
  fields: {
    'prefix-list-id': { get: (p) => p.PrefixListId, sql: 'p.id' },
    'prefix-list-name': { get: (p) => p.PrefixListName, sql: 'p.name' },
  },
};
