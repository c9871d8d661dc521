import { checkAttributeName, requireOwnSnapshot, volumePermissions } from '../domain/snapshots';
import { defineAction } from './define';

export default defineAction('DescribeSnapshotAttribute', (input, ctx) => {
  const attribute = checkAttributeName(input.Attribute);
  const s = requireOwnSnapshot(ctx, input.SnapshotId);
  return attribute === 'productCodes'
    ? { SnapshotId: s.id, ProductCodes: [] }
    : { SnapshotId: s.id, CreateVolumePermissions: volumePermissions(ctx, s.id) };
});
