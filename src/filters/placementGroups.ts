/** The filters of DescribePlacementGroups (every name the model documents), over the API objects. */
import type { PlacementGroup } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const placementGroupFilters: FilterSpec<PlacementGroup> = {
  idSql: 'p.id',
  tags: (g) => g.Tags,
  fields: {
    'group-name': { get: (g) => g.GroupName, sql: 'p.name' },
    'group-arn': { get: (g) => g.GroupArn },
    'spread-level': { get: (g) => g.SpreadLevel, sql: 'p.spread_level' },
    state: { get: (g) => g.State, sql: 'p.state' },
    strategy: { get: (g) => g.Strategy, sql: 'p.strategy' },
  },
};
