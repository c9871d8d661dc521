import { disableDeprecation } from '../domain/images';
import { defineAction } from './define';

/** The image is no longer deprecated. */
export default defineAction('DisableImageDeprecation', (input, ctx) => {
  disableDeprecation(ctx, input.ImageId);
  return { Return: true };
});
