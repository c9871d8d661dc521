import { resetInstanceAttribute } from '../domain/instanceAttributes';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** Resets kernel, ramdisk or sourceDestCheck to its default; AWS resets no other attribute. */
export default defineAction('ResetInstanceAttribute', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  resetInstanceAttribute(ctx, instance, input.Attribute);
});
