import { carrierGatewayNotFound, listCarrierGateways } from '../domain/carrierGateways';
import { describe } from '../domain/describe';
import { carrierGatewayFilters } from '../filters/vpn';
import { defineAction } from './define';

/** Always empty (no Wavelength zones); ids, filters and pagination are checked as for any Describe. */
export default defineAction('DescribeCarrierGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.CarrierGatewayIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: carrierGatewayFilters,
    list: () => listCarrierGateways(),
    present: () => [],
    notFound: (missing) => carrierGatewayNotFound(missing[0]),
  });
  return { CarrierGateways: page.items, NextToken: page.nextToken };
});
