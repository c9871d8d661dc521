import { associateSubnet, requireRouteTable } from '../domain/routeTables';
import { RouteErrors } from '../errors';
import { defineAction } from './define';

/** Explicitly associates a subnet (in the table's VPC, not yet associated) with a route table. */
export default defineAction('AssociateRouteTable', (input, ctx) => {
  const table = requireRouteTable(ctx, input.RouteTableId);
  if (input.SubnetId === undefined) {
    if (input.GatewayId !== undefined) throw RouteErrors.unsupportedTarget('gatewayId', input.GatewayId);
    throw RouteErrors.associationTarget();
  }
  return { AssociationId: associateSubnet(ctx, table, input.SubnetId), AssociationState: { State: 'associated' } };
});
