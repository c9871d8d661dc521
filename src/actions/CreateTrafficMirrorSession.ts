import { tagsFromSpecifications } from '../domain/tags';
import { createMirrorSession } from '../domain/trafficMirroring';
import { presentMirrorSessions } from '../views/trafficMirror';
import { defineAction } from './define';

/** Source interface -> target through a filter; the session number is unique per source interface. */
export default defineAction('CreateTrafficMirrorSession', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['traffic-mirror-session']).get('traffic-mirror-session') ?? [];
  const session = createMirrorSession(ctx, input, tags);
  return { TrafficMirrorSession: presentMirrorSessions(ctx, [session])[0], ClientToken: input.ClientToken };
});
