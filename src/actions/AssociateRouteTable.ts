import { NotFoundErrors, RouteErrors } from '../errors';
import { requireRouteTable } from './shared/routing';
import { defineAction } from './define';

/** Explicitly associates a subnet (in the table's VPC, not yet associated) with a route table. */
export default defineAction('AssociateRouteTable', (input, ctx) => {
  const table = requireRouteTable(ctx, input.RouteTableId);
  if (input.SubnetId === undefined) {
    if (input.GatewayId !== undefined) throw RouteErrors.unsupportedTarget('gatewayId', input.GatewayId);
    throw RouteErrors.associationTarget();
  }
  const subnet = ctx.store.subnets.get(ctx.scope, input.SubnetId);
  if (!subnet) throw NotFoundErrors.subnet(input.SubnetId);
  if (subnet.vpc_id !== table.vpc_id) throw RouteErrors.differentNetworks(table.id, subnet.id, 'subnet');
  if (ctx.store.routeTables.subnetAssociation(subnet.id)) throw RouteErrors.associationConflict(table.id);
  const id = ctx.ids.id('rtbassoc');
  ctx.store.routeTables.associations.insert({ id, route_table_id: table.id, vpc_id: table.vpc_id, subnet_id: subnet.id, is_main: 0 });
  return { AssociationId: id, AssociationState: { State: 'associated' } };
});
