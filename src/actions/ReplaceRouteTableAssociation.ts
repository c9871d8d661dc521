import { replaceAssociation } from '../domain/routeTables';
import { defineAction } from './define';

/** Points an association (a subnet's, or the VPC's main one) at another table of the same VPC. */
export default defineAction('ReplaceRouteTableAssociation', (input, ctx) => {
  const id = replaceAssociation(ctx, input.AssociationId, input.RouteTableId);
  return { NewAssociationId: id, AssociationState: { State: 'associated' } };
});
