import { listCarrierGateways } from '../domain/carrierGateways';
import { describe } from '../domain/describe';
import { CarrierGatewayErrors } from '../errors';
import { carrierGatewayFilters } from '../filters/vpn';
import { presentCarrierGateways } from '../views/carrierGateway';
import { defineAction } from './define';

export default defineAction('DescribeCarrierGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.CarrierGatewayIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: carrierGatewayFilters,
    list: (opts) => listCarrierGateways(ctx, opts),
    present: (rows) => presentCarrierGateways(ctx, rows),
    notFound: (missing) => CarrierGatewayErrors.notFound(missing[0]),
  });
  return { CarrierGateways: page.items, NextToken: page.nextToken };
});
