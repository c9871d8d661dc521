import { deleteMirrorFilter } from '../domain/trafficMirroring';
import { defineAction } from './define';

/** Refused while a session uses the filter; its rules go with it. */
export default defineAction('DeleteTrafficMirrorFilter', (input, ctx) => {
  deleteMirrorFilter(ctx, input.TrafficMirrorFilterId);
  return { TrafficMirrorFilterId: input.TrafficMirrorFilterId };
});
