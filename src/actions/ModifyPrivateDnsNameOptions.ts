import { setPrivateDnsNameOptions } from '../domain/instanceAttributes';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** An instance's hostname type (while stopped) and resource-name DNS records. */
export default defineAction('ModifyPrivateDnsNameOptions', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  setPrivateDnsNameOptions(ctx, instance, input);
  return { Return: true };
});
