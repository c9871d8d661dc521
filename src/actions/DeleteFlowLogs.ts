import { deleteFlowLogs } from '../domain/flowLogs';
import { defineAction } from './define';

export default defineAction('DeleteFlowLogs', (input, ctx) => {
  deleteFlowLogs(ctx, input.FlowLogIds);
  return { Unsuccessful: [] };
});
