import { setImageBlockPublicAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** AMIs may be made public again. */
export default defineAction('DisableImageBlockPublicAccess', (_input, ctx) => ({
  ImageBlockPublicAccessState: setImageBlockPublicAccess(ctx, 'unblocked') as 'unblocked',
}));
