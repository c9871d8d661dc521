import { requireOwnImage } from '../domain/images';
import { presentImageAttribute } from '../views/image';
import { defineAction } from './define';

/** One attribute of one of the caller's images (the model's enum has already checked the name). */
export default defineAction('DescribeImageAttribute', (input, ctx) => {
  const image = requireOwnImage(ctx, input.ImageId);
  return presentImageAttribute(ctx, image, input.Attribute);
});
