import { describe } from '../domain/describe';
import { listProfileAssociations } from '../domain/iamInstanceProfiles';
import { NotFoundErrors } from '../errors';
import { iamProfileAssociationFilters } from '../filters/iamInstanceProfiles';
import { presentProfileAssociation } from '../views/iamInstanceProfile';
import { defineAction } from './define';

export default defineAction('DescribeIamInstanceProfileAssociations', (input, ctx) => {
  const page = describe(ctx, {
    ids: input.AssociationIds,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: iamProfileAssociationFilters,
    list: (opts) => listProfileAssociations(ctx, opts),
    present: (rows) => rows.map(presentProfileAssociation),
    notFound: (missing) => NotFoundErrors.association(missing[0]),
  });
  return { IamInstanceProfileAssociations: page.items, NextToken: page.nextToken };
});
