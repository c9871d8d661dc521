/** The filters of DescribeTags (other than tag:<key>, which selects resources: domain/tags.ts). */
import type { TagDescription } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const tagDescriptionFilters: FilterSpec<TagDescription> = {
  fields: {
    key: { get: (t) => t.Key, sql: 't.key' },
    value: { get: (t) => t.Value, sql: 't.value' },
    'resource-id': { get: (t) => t.ResourceId, sql: 't.resource_id' },
    'resource-type': { get: (t) => t.ResourceType, sql: 't.resource_type' },
  },
};
