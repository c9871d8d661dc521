import { NotFoundErrors } from '../errors';
import { compileFilters } from '../filters/engine';
import { AMAZON_ALIAS, imageFilters } from '../filters/images';
import { paginate } from '../pagination';
import type { Image } from '../protocol/model/types.generated';
import { defineAction } from './define';

/** The public AMIs of the fixture (owned by Amazon); Owners=self lists none, as the account registered none. */
export default defineAction('DescribeImages', (input, ctx) => {
  const all = ctx.images.all();
  const ids = input.ImageIds ?? [];
  const missing = ids.filter((id) => !ctx.images.exists(id));
  if (missing.length > 0) throw NotFoundErrors.images(missing);
  const owners = input.Owners ?? [];
  const ownerOk = (i: Image) => owners.length === 0 || owners.some((o) => o === AMAZON_ALIAS || o === i.OwnerId);
  const f = compileFilters(imageFilters, input.Filters, ctx.scope);
  const list = all.filter((i) => (ids.length === 0 || ids.includes(i.ImageId!)) && ownerOk(i));
  const page = paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: f.fingerprint },
    (after, limit) => list.slice(after, after + limit).map((item, k) => ({ seq: after + k + 1, item: { ...item, ImageOwnerAlias: AMAZON_ALIAS } })),
    f.matches,
  );
  return { Images: page.items, NextToken: page.nextToken };
});
