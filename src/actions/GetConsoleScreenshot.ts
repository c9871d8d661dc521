import { consoleScreenshot } from '../domain/instanceExtras';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** A running instance's screen, base64 JPEG; `WakeUp` changes nothing here (nothing sleeps). */
export default defineAction('GetConsoleScreenshot', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  return { InstanceId: instance.id, ImageData: consoleScreenshot(instance) };
});
