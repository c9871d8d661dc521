import { consoleOutput } from '../domain/instanceExtras';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** Base64 console text and when it was read; `Latest` changes nothing here (the buffer is always current). */
export default defineAction('GetConsoleOutput', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  const out = consoleOutput(ctx, instance);
  return { InstanceId: instance.id, Output: out.output, Timestamp: out.timestamp };
});
