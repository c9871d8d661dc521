/** The filters of DescribeInstanceConnectEndpoints (every name the model documents), over the API objects. */
import type { Ec2InstanceConnectEndpoint } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const instanceConnectEndpointFilters: FilterSpec<Ec2InstanceConnectEndpoint> = {
  idSql: 'e.id',
  tags: (e) => e.Tags,
  fields: {
    'instance-connect-endpoint-id': { get: (e) => e.InstanceConnectEndpointId, sql: 'e.id' },
    state: { get: (e) => e.State, sql: 'e.state' },
    'subnet-id': { get: (e) => e.SubnetId, sql: 'e.subnet_id' },
    'vpc-id': { get: (e) => e.VpcId, sql: 'e.vpc_id' },
  },
};
