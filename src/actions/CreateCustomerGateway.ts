import { tagsFromSpecifications } from '../domain/tags';
import { createCustomerGateway } from '../domain/vpn';
import { presentCustomerGateways } from '../views/vpn';
import { defineAction } from './define';

/** Available at once; the same address, ASN and type answer the existing gateway, as AWS does. */
export default defineAction('CreateCustomerGateway', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['customer-gateway']).get('customer-gateway') ?? [];
  const cgw = createCustomerGateway(ctx, input, tags);
  return { CustomerGateway: presentCustomerGateways(ctx, [cgw])[0] };
});
