import { createPrefixListReference } from '../domain/tgwPrefixListReferences';
import { presentPrefixListReferences } from '../views/transitGateway';
import { defineAction } from './define';

/** Routes a route table's traffic for a prefix list's CIDRs to an attachment, or drops it (Blackhole); `pending` first. */
export default defineAction('CreateTransitGatewayPrefixListReference', (input, ctx) => {
  const row = createPrefixListReference(ctx, input);
  return { TransitGatewayPrefixListReference: presentPrefixListReferences(ctx, [row])[0] };
});
