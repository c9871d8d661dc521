import { describe } from '../domain/describe';
import { listVpnConnections } from '../domain/vpn';
import { VpnErrors } from '../errors';
import { vpnConnectionFilters } from '../filters/vpn';
import { presentVpnConnections } from '../views/vpn';
import { defineAction } from './define';

/** The model gives this call no MaxResults: every match in one answer. */
export default defineAction('DescribeVpnConnections', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.VpnConnectionIds,
    filters: input.Filters,
    filterSpec: vpnConnectionFilters,
    list: (opts) => listVpnConnections(ctx, opts),
    present: (rows) => presentVpnConnections(ctx, rows),
    notFound: (missing) => VpnErrors.vpnConnectionNotFound(missing[0]),
  });
  return { VpnConnections: page.items };
});
