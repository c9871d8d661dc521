import { describe } from '../domain/describe';
import { listInterfaces } from '../domain/networkInterfaces';
import { NotFoundErrors } from '../errors';
import { networkInterfaceFilters } from '../filters/networkInterfaces';
import { loadInterfaceRecords, presentNetworkInterface } from '../views/networkInterface';
import { defineAction } from './define';

export default defineAction('DescribeNetworkInterfaces', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.NetworkInterfaceIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: networkInterfaceFilters,
    idSetName: 'networkInterfaceIdSet',
    list: (opts) => listInterfaces(ctx, opts),
    present: (rows) => loadInterfaceRecords(ctx, rows),
    notFound: (missing) => NotFoundErrors.networkInterfaces(missing),
  });
  return { NetworkInterfaces: page.items.map(presentNetworkInterface), NextToken: page.nextToken };
});
