import { deleteMirrorTarget } from '../domain/trafficMirroring';
import { defineAction } from './define';

/** Refused while a session sends to the target. */
export default defineAction('DeleteTrafficMirrorTarget', (input, ctx) => {
  deleteMirrorTarget(ctx, input.TrafficMirrorTargetId);
  return { TrafficMirrorTargetId: input.TrafficMirrorTargetId };
});
