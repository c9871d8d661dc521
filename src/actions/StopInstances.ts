import { stopInstances } from '../domain/instances';
import { defineAction } from './define';

/** Hibernate and Force are accepted; a stop is a stop. */
export default defineAction('StopInstances', (input, ctx) => ({ StoppingInstances: stopInstances(ctx, input.InstanceIds) }));
