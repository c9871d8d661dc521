import { createImage } from '../domain/images';
import { tagsFromSpecifications } from '../domain/tags';
import { defineAction } from './define';

/** An image of the instance: each EBS volume becomes a snapshot; `pending` -> `available` through the back end. */
export default defineAction('CreateImage', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['image', 'snapshot']);
  const image = createImage(ctx, {
    instanceId: input.InstanceId,
    name: input.Name,
    description: input.Description,
    noReboot: input.NoReboot,
    mappings: input.BlockDeviceMappings,
    imageTags: tags.get('image') ?? [],
    snapshotTags: tags.get('snapshot') ?? [],
  });
  return { ImageId: image.id };
});
