import { describe } from '../domain/describe';
import { listVpnGateways } from '../domain/vpn';
import { VpnErrors } from '../errors';
import { vpnGatewayFilters } from '../filters/vpn';
import { presentVpnGateways } from '../views/vpn';
import { defineAction } from './define';

/** The model gives this call no MaxResults: every match in one answer. */
export default defineAction('DescribeVpnGateways', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VpnGatewayIds,
    filters: input.Filters,
    filterSpec: vpnGatewayFilters,
    list: (opts) => listVpnGateways(ctx, opts),
    present: (rows) => presentVpnGateways(ctx, rows),
    notFound: (missing) => VpnErrors.vpnGatewayNotFound(missing[0]),
  });
  return { VpnGateways: page.items };
});
