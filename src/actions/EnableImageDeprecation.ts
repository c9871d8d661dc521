import { enableDeprecation } from '../domain/images';
import { defineAction } from './define';

/** The image is deprecated from DeprecateAt on: other accounts no longer see it unless they include deprecated images. */
export default defineAction('EnableImageDeprecation', (input, ctx) => {
  enableDeprecation(ctx, input.ImageId, input.DeprecateAt);
  return { Return: true };
});
