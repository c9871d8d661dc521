import { listAddresses } from '../domain/elasticIps';
import { addressFilters } from '../filters/addresses';
import { compileFilters } from '../filters/engine';
import { presentAddresses } from '../views/routing';
import { defineAction } from './define';

/** Elastic IPs only (launch-time public IPs are not addresses you own). Not paginated, as on AWS. */
export default defineAction('DescribeAddresses', (input, ctx) => {
  const rows = listAddresses(ctx, input.AllocationIds, input.PublicIps);
  const f = compileFilters(addressFilters, input.Filters, ctx.scope);
  return { Addresses: presentAddresses(ctx, rows).filter(f.matches) };
});
