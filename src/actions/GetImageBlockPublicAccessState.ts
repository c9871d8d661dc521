import { imageBlockPublicAccess } from '../domain/accountSettings';
import { defineAction } from './define';

/** Whether the region's AMIs may be made public (`unblocked` until enabled). */
export default defineAction('GetImageBlockPublicAccessState', (_input, ctx) => ({ ImageBlockPublicAccessState: imageBlockPublicAccess(ctx), ManagedBy: 'account' }));
