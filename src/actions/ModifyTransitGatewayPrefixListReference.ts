import { modifyPrefixListReference } from '../domain/tgwPrefixListReferences';
import { presentPrefixListReferences } from '../views/transitGateway';
import { defineAction } from './define';

/** A new attachment (or a blackhole) for an existing reference; `modifying` until the back end moves it. */
export default defineAction('ModifyTransitGatewayPrefixListReference', (input, ctx) => {
  const row = modifyPrefixListReference(ctx, input);
  return { TransitGatewayPrefixListReference: presentPrefixListReferences(ctx, [row])[0] };
});
