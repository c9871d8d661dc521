import { setImageBlockPublicAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Blocks making the region's AMIs public (`block-new-sharing`, the model's only value). */
export default defineAction('EnableImageBlockPublicAccess', (input, ctx) => ({
  ImageBlockPublicAccessState: setImageBlockPublicAccess(ctx, input.ImageBlockPublicAccessState) as 'block-new-sharing',
}));
