import { describeAddressAttributes } from '../domain/elasticIps';
import { presentAddressAttribute } from '../views/routing';
import { defineAction } from './define';

/** The one attribute is `domain-name`: addresses with a PTR record or a change in progress; others are not listed. */
export default defineAction('DescribeAddressesAttribute', (input, ctx) => {
  const page = describeAddressAttributes(ctx, { allocationIds: input.AllocationIds, maxResults: input.MaxResults, nextToken: input.NextToken });
  return { Addresses: page.items.map(presentAddressAttribute), NextToken: page.nextToken };
});
