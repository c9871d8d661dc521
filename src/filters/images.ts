/** The filters of DescribeImages: the documented names read the member path they name, plus the special cases. */
import { getOperation } from '../protocol/model';
import type { Image } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';
import { valueAtPath } from './paths';

/** The owner alias of every image of the catalog. */
export const AMAZON_ALIAS = 'amazon';

const ebsOf = (i: Image) => (i.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs ? [m.Ebs] : []));

export const imageFilters: FilterSpec<Image> = {
  tags: (i) => i.Tags,
  fields: {
    ...Object.fromEntries(
      (getOperation('DescribeImages')?.filters ?? []).filter((n) => !n.startsWith('tag')).map((name) => [name, { get: (i: Image) => valueAtPath(i, name) }]),
    ),
    'image-id': { get: (i) => i.ImageId },
    'is-public': { get: (i) => i.Public },
    // Only the catalog's images have an alias (amazon); an account's own have none.
    'owner-alias': { get: (i) => i.ImageOwnerAlias },
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
