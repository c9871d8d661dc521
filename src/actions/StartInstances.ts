import { startInstances } from '../domain/instances';
import { defineAction } from './define';

export default defineAction('StartInstances', (input, ctx) => ({ StartingInstances: startInstances(ctx, input.InstanceIds) }));
