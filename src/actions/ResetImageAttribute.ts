import { resetImageAttribute } from '../domain/images';
import { defineAction } from './define';

/** Only launchPermission can be reset (the image becomes private again). */
export default defineAction('ResetImageAttribute', (input, ctx) => {
  resetImageAttribute(ctx, input.ImageId, input.Attribute);
});
