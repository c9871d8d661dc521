import { setAutoRecovery } from '../domain/instanceAttributes';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** Simplified automatic recovery on or off; the answer repeats the setting. */
export default defineAction('ModifyInstanceMaintenanceOptions', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  return { InstanceId: instance.id, AutoRecovery: setAutoRecovery(ctx, instance, input.AutoRecovery) as 'default' };
});
