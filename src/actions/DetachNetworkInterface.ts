import { detachAttachment } from '../domain/networkInterfaces';
import { defineAction } from './define';

/** Hot detach (running: detaching, then gone) or cold detach (stopped: gone at once). Force is a plain detach. */
export default defineAction('DetachNetworkInterface', (input, ctx) => {
  detachAttachment(ctx, input.AttachmentId);
});
