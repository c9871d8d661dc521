import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/**
 * The instance's UEFI variable store, base64. Our instances boot legacy BIOS (CurrentInstanceBootMode), so the
 * store is empty; the member is still there, as clients read it.
 */
export default defineAction('GetInstanceUefiData', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  return { InstanceId: instance.id, UefiData: '' };
});
