import { copySnapshot } from '../domain/snapshots';
import { tagsFromSpecifications } from '../domain/tags';
import { defaultKmsKeyArn } from '../domain/volumes';
import { defineAction } from './define';

/** A copy in the caller's region of a snapshot it may restore, from any region (SourceRegion). */
export default defineAction('CopySnapshot', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['snapshot']).get('snapshot') ?? [];
  const s = copySnapshot(
    ctx,
    { sourceRegion: input.SourceRegion, sourceSnapshotId: input.SourceSnapshotId, description: input.Description, encrypted: input.Encrypted, kmsKeyId: input.KmsKeyId },
    tags,
    () => defaultKmsKeyArn(ctx),
  );
  return { SnapshotId: s.id, Tags: tags.length > 0 ? tags : undefined };
});
