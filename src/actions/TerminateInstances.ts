import { terminateInstances } from '../domain/instances';
import { defineAction } from './define';

export default defineAction('TerminateInstances', (input, ctx) => ({ TerminatingInstances: terminateInstances(ctx, input.InstanceIds) }));
