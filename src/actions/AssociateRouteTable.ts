import { associateGateway, associateSubnet, requireRouteTable } from '../domain/routeTables';
import { RouteErrors } from '../errors';
import { defineAction } from './define';

/** Associates a subnet, or a gateway of the table's VPC (an edge association), with a route table. */
export default defineAction('AssociateRouteTable', (input, ctx) => {
  const table = requireRouteTable(ctx, input.RouteTableId);
  if (input.SubnetId !== undefined) return { AssociationId: associateSubnet(ctx, table, input.SubnetId), AssociationState: { State: 'associated' } };
  if (input.GatewayId !== undefined) return { AssociationId: associateGateway(ctx, table, input.GatewayId), AssociationState: { State: 'associated' } };
  throw RouteErrors.associationTarget();
});
