import { copyImage } from '../domain/images';
import { tagsFromSpecifications } from '../domain/tags';
import { defaultKmsKeyArn } from '../domain/volumes';
import { defineAction } from './define';

/** A copy in the caller's region of an image it may launch in SourceRegion, with new snapshots. */
export default defineAction('CopyImage', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['image', 'snapshot']);
  const image = copyImage(
    ctx,
    {
      sourceRegion: input.SourceRegion,
      sourceImageId: input.SourceImageId,
      name: input.Name,
      description: input.Description,
      encrypted: input.Encrypted,
      kmsKeyId: input.KmsKeyId,
      copyImageTags: input.CopyImageTags,
      imageTags: tags.get('image') ?? [],
      snapshotTags: tags.get('snapshot') ?? [],
    },
    () => defaultKmsKeyArn(ctx),
  );
  return { ImageId: image.id };
});
