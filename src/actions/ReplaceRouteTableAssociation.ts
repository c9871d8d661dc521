import { NotFoundErrors, RouteErrors } from '../errors';
import { requireRouteTable } from './shared/routing';
import { defineAction } from './define';

/** Points an association (a subnet's, or the VPC's main one) at another table of the same VPC. */
export default defineAction('ReplaceRouteTableAssociation', (input, ctx) => {
  const assoc = ctx.store.routeTables.association(ctx.scope, input.AssociationId);
  if (!assoc) throw NotFoundErrors.routeTableAssociation(input.AssociationId);
  const table = requireRouteTable(ctx, input.RouteTableId);
  if (table.vpc_id !== assoc.vpc_id) throw RouteErrors.differentNetworks(table.id, assoc.subnet_id ?? assoc.vpc_id, 'subnet');
  const id = ctx.ids.id('rtbassoc');
  ctx.store.routeTables.deleteAssociation(assoc.id);
  ctx.store.routeTables.associations.insert({ id, route_table_id: table.id, vpc_id: assoc.vpc_id, subnet_id: assoc.subnet_id, is_main: assoc.is_main });
  return { NewAssociationId: id, AssociationState: { State: 'associated' } };
});
