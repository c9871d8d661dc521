import { passwordData } from '../domain/instanceExtras';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** Empty for Linux; for Windows launched with an RSA key pair, the password encrypted with its public key. */
export default defineAction('GetPasswordData', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  const out = passwordData(ctx, instance);
  return { InstanceId: instance.id, PasswordData: out.data, Timestamp: out.timestamp };
});
