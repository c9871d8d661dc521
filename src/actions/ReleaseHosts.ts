import { releaseHosts } from '../domain/hosts';
import { defineAction } from './define';

/** Per host: a host with instances that are not terminated is not released. */
export default defineAction('ReleaseHosts', (input, ctx) => {
  const out = releaseHosts(ctx, input.HostIds ?? []);
  return { Successful: out.successful, Unsuccessful: out.unsuccessful };
});
