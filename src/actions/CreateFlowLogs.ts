import { createFlowLogs } from '../domain/flowLogs';
import { defineAction } from './define';

export default defineAction('CreateFlowLogs', (input, ctx) => ({
  ClientToken: input.ClientToken,
  FlowLogIds: createFlowLogs(ctx, input),
  Unsuccessful: [],
}));
