import { resetAddressDomainName } from '../domain/elasticIps';
import { presentAddressAttribute } from '../views/routing';
import { defineAction } from './define';

/** Removes the PTR record (the only attribute, `domain-name`): PENDING, then gone. */
export default defineAction('ResetAddressAttribute', (input, ctx) => {
  return { Address: presentAddressAttribute(resetAddressDomainName(ctx, input.AllocationId)) };
});
