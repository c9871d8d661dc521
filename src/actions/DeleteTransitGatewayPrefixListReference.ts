import { deletePrefixListReference } from '../domain/tgwPrefixListReferences';
import { presentPrefixListReferences } from '../views/transitGateway';
import { defineAction } from './define';

/** The reference answers `deleting`; the back end removes it. */
export default defineAction('DeleteTransitGatewayPrefixListReference', (input, ctx) => {
  const row = deletePrefixListReference(ctx, input.TransitGatewayRouteTableId, input.PrefixListId);
  return { TransitGatewayPrefixListReference: presentPrefixListReferences(ctx, [row])[0] };
});
