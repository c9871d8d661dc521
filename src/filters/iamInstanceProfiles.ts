/** The filters of DescribeIamInstanceProfileAssociations (SQL where a column holds the value). */
import type { IamInstanceProfileAssociation } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const iamProfileAssociationFilters: FilterSpec<IamInstanceProfileAssociation> = {
  idSql: 'a.id',
  fields: {
    'instance-id': { get: (a) => a.InstanceId, sql: 'a.instance_id' },
    state: { get: (a) => a.State, sql: 'a.state' },
  },
};
