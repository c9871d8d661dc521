/** The filters of DescribeVpcPeeringConnections (every name the model documents), over the API objects. */
import type { VpcPeeringConnection } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

export const vpcPeeringFilters: FilterSpec<VpcPeeringConnection> = {
  // each side has its own tags (docs/decisions.md "Tags"): tag filters go through the caller's rows of the tags table
  idSql: 's.id',
  tags: (p) => p.Tags,
  fields: {
    // the CIDR filters match any IPv4 block of the side, as the CidrBlockSet lists them
    'accepter-vpc-info.cidr-block': { get: (p) => p.AccepterVpcInfo?.CidrBlockSet?.map((c) => c.CidrBlock) },
    'accepter-vpc-info.owner-id': { get: (p) => p.AccepterVpcInfo?.OwnerId, sql: 'p.accepter_account' },
    'accepter-vpc-info.vpc-id': { get: (p) => p.AccepterVpcInfo?.VpcId, sql: 'p.accepter_vpc_id' },
    'expiration-time': { get: (p) => p.ExpirationTime?.toISOString() },
    'requester-vpc-info.cidr-block': { get: (p) => p.RequesterVpcInfo?.CidrBlockSet?.map((c) => c.CidrBlock) },
    'requester-vpc-info.owner-id': { get: (p) => p.RequesterVpcInfo?.OwnerId, sql: 'p.account' },
    'requester-vpc-info.vpc-id': { get: (p) => p.RequesterVpcInfo?.VpcId, sql: 'p.requester_vpc_id' },
    'status-code': { get: (p) => p.Status?.Code, sql: 'p.status_code' },
    'status-message': { get: (p) => p.Status?.Message },
    'vpc-peering-connection-id': { get: (p) => p.VpcPeeringConnectionId, sql: 's.id' },
  },
};
