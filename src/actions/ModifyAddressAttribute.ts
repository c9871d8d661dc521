import { modifyAddressDomainName } from '../domain/elasticIps';
import { presentAddressAttribute } from '../views/routing';
import { defineAction } from './define';

/** Sets the PTR record: PENDING in the answer, in force once the back end applies it. */
export default defineAction('ModifyAddressAttribute', (input, ctx) => {
  return { Address: presentAddressAttribute(modifyAddressDomainName(ctx, input.AllocationId, input.DomainName)) };
});
