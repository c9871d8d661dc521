import { deleteMirrorSession } from '../domain/trafficMirroring';
import { defineAction } from './define';

export default defineAction('DeleteTrafficMirrorSession', (input, ctx) => {
  deleteMirrorSession(ctx, input.TrafficMirrorSessionId);
  return { TrafficMirrorSessionId: input.TrafficMirrorSessionId };
});
