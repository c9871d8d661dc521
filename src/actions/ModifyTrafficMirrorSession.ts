import { modifyMirrorSession } from '../domain/trafficMirroring';
import { presentMirrorSessions } from '../views/trafficMirror';
import { defineAction } from './define';

export default defineAction('ModifyTrafficMirrorSession', (input, ctx) => {
  const session = modifyMirrorSession(ctx, input);
  return { TrafficMirrorSession: presentMirrorSessions(ctx, [session])[0] };
});
