import { describe } from '../domain/describe';
import { listConnectionNotifications } from '../domain/vpcEndpointServices';
import { EndpointServiceErrors } from '../errors';
import { connectionNotificationFilters } from '../filters/vpcEndpointServices';
import { presentConnectionNotifications } from '../views/vpcEndpointService';
import { defineAction } from './define';

export default defineAction('DescribeVpcEndpointConnectionNotifications', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.ConnectionNotificationId !== undefined ? [input.ConnectionNotificationId] : undefined,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: connectionNotificationFilters,
    list: (opts) => listConnectionNotifications(ctx, opts),
    present: (rows) => presentConnectionNotifications(rows),
    notFound: (missing) => EndpointServiceErrors.notificationNotFound(missing[0]),
  });
  return { ConnectionNotificationSet: page.items, NextToken: page.nextToken };
});
