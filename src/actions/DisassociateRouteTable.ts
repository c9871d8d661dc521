import { disassociateRouteTable } from '../domain/routeTables';
import { defineAction } from './define';

/** The subnet falls back to the VPC's main table. The main association itself cannot be removed. */
export default defineAction('DisassociateRouteTable', (input, ctx) => {
  disassociateRouteTable(ctx, input.AssociationId);
});
