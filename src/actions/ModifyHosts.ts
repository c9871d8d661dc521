import { modifyHosts } from '../domain/hosts';
import { defineAction } from './define';

/** Per host: Successful ids, Unsuccessful items with AWS's `Client.` codes. */
export default defineAction('ModifyHosts', (input, ctx) => {
  const out = modifyHosts(ctx, input.HostIds ?? [], input);
  return { Successful: out.successful, Unsuccessful: out.unsuccessful };
});
