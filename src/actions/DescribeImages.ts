import { listImages } from '../domain/images';
import { compileFilters } from '../filters/engine';
import { imageFilters } from '../filters/images';
import { paginate } from '../pagination';
import { presentCatalogImage, presentImages } from '../views/image';
import { defineAction } from './define';

/**
 * The catalog's public AMIs (owned by Amazon) and the account images of the region the caller sees (its own, shared
 * with it, public): Owners (`self`, `amazon`, ids) and ExecutableUsers (`self`, `all`, ids) narrow them. Pages run
 * over the catalog first, then the account images in creation order.
 */
export default defineAction('DescribeImages', (input, ctx) => {
  const { catalog, rows } = listImages(ctx, {
    ids: input.ImageIds,
    owners: input.Owners,
    executableUsers: input.ExecutableUsers,
    includeDeprecated: input.IncludeDeprecated,
  });
  const f = compileFilters(imageFilters, input.Filters, ctx.scope);
  const list = [...catalog.map(presentCatalogImage), ...presentImages(ctx, rows)];
  const page = paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: f.fingerprint },
    (after, limit) => list.slice(after, after + limit).map((item, k) => ({ seq: after + k + 1, item })),
    f.matches,
  );
  return { Images: page.items, NextToken: page.nextToken };
});
