import { NotFoundErrors, RouteErrors } from '../errors';
import { defineAction } from './define';

/** The subnet falls back to the VPC's main table. The main association itself cannot be removed. */
export default defineAction('DisassociateRouteTable', (input, ctx) => {
  const assoc = ctx.store.routeTables.association(ctx.scope, input.AssociationId);
  if (!assoc) throw NotFoundErrors.routeTableAssociation(input.AssociationId);
  if (assoc.is_main === 1) throw RouteErrors.mainAssociation(assoc.id);
  ctx.store.routeTables.deleteAssociation(assoc.id);
});
