/** DescribeInstanceCreditSpecifications filters: AWS documents one, instance-id. */
import type { InstanceCreditSpecification } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const instanceCreditFilters: FilterSpec<InstanceCreditSpecification> = {
  fields: {
    'instance-id': { get: (c) => c.InstanceId, sql: 'i.id' },
  },
};
