import { describe } from '../domain/describe';
import { listCustomerGateways } from '../domain/vpn';
import { VpnErrors } from '../errors';
import { customerGatewayFilters } from '../filters/vpn';
import { presentCustomerGateways } from '../views/vpn';
import { defineAction } from './define';

/** The model gives this call no MaxResults: every match in one answer. */
export default defineAction('DescribeCustomerGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.CustomerGatewayIds,
    filters: input.Filters,
    filterSpec: customerGatewayFilters,
    list: (opts) => listCustomerGateways(ctx, opts),
    present: (rows) => presentCustomerGateways(ctx, rows),
    notFound: (missing) => VpnErrors.customerGatewayNotFound(missing[0]),
  });
  return { CustomerGateways: page.items };
});
