/** The filters of DescribeNatGateways (every name the model documents), over the API objects. */
import type { NatGateway } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const natGatewayFilters: FilterSpec<NatGateway> = {
  idSql: 'g.id',
  tags: (g) => g.Tags,
  fields: {
    'nat-gateway-id': { get: (g) => g.NatGatewayId, sql: 'g.id' },
    state: { get: (g) => g.State, sql: 'g.state' },
    'subnet-id': { get: (g) => g.SubnetId, sql: 'g.subnet_id' },
    'vpc-id': { get: (g) => g.VpcId, sql: 'g.vpc_id' },
  },
};
