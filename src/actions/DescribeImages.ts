import { NotFoundErrors } from '../errors';
import { compileFilters, FilterSpec } from '../filters/engine';
import { paginate } from '../pagination';
import { getOperation } from '../protocol/model';
import type { Image } from '../protocol/model/types.generated';
import { valueAtPath } from './shared/paths';
import { defineAction } from './define';

const AMAZON_ALIAS = 'amazon';

const ebsOf = (i: Image) => (i.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs ? [m.Ebs] : []));

const filters: FilterSpec<Image> = {
  tags: (i) => i.Tags,
  fields: {
    ...Object.fromEntries(
      (getOperation('DescribeImages')?.filters ?? []).filter((n) => !n.startsWith('tag')).map((name) => [name, { get: (i: Image) => valueAtPath(i, name) }]),
    ),
    'image-id': { get: (i) => i.ImageId },
    'is-public': { get: (i) => i.Public },
    'owner-alias': { get: () => AMAZON_ALIAS },
    'image-type': { get: (i) => i.ImageType },
    'creation-date': { get: (i) => i.CreationDate },
    'product-code': { get: () => undefined },
    // The EBS fields sit one level down (BlockDeviceMappings[].Ebs), where the name-to-path rule cannot see them.
    'block-device-mapping.delete-on-termination': { get: (i) => ebsOf(i).map((e) => e.DeleteOnTermination) },
    'block-device-mapping.encrypted': { get: (i) => ebsOf(i).map((e) => e.Encrypted) },
    'block-device-mapping.snapshot-id': { get: (i) => ebsOf(i).map((e) => e.SnapshotId) },
    'block-device-mapping.volume-size': { get: (i) => ebsOf(i).map((e) => e.VolumeSize) },
    'block-device-mapping.volume-type': { get: (i) => ebsOf(i).map((e) => e.VolumeType) },
  },
};

/** The public AMIs of the fixture (owned by Amazon); Owners=self lists none, as the account registered none. */
export default defineAction('DescribeImages', (input, ctx) => {
  const all = ctx.images.all();
  const ids = input.ImageIds ?? [];
  const missing = ids.filter((id) => !ctx.images.exists(id));
  if (missing.length > 0) throw NotFoundErrors.images(missing);
  const owners = input.Owners ?? [];
  const ownerOk = (i: Image) => owners.length === 0 || owners.some((o) => o === AMAZON_ALIAS || o === i.OwnerId);
  const f = compileFilters(filters, input.Filters, ctx.scope);
  const list = all.filter((i) => (ids.length === 0 || ids.includes(i.ImageId!)) && ownerOk(i));
  const page = paginate(
    { maxResults: input.MaxResults, nextToken: input.NextToken, fingerprint: f.fingerprint },
    (after, limit) => list.slice(after, after + limit).map((item, k) => ({ seq: after + k + 1, item: { ...item, ImageOwnerAlias: AMAZON_ALIAS } })),
    f.matches,
  );
  return { Images: page.items, NextToken: page.nextToken };
});
