import { rebootInstances } from '../domain/instances';
import { defineAction } from './define';

/** A reboot keeps the instance running; there is nothing to simulate beyond the state checks. */
export default defineAction('RebootInstances', (input, ctx) => {
  rebootInstances(ctx, input.InstanceIds);
});
