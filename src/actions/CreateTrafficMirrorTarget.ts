import { tagsFromSpecifications } from '../domain/tags';
import { createMirrorTarget } from '../domain/trafficMirroring';
import { presentMirrorTargets } from '../views/trafficMirror';
import { defineAction } from './define';

/** A target on an interface, a Network Load Balancer or a Gateway Load Balancer endpoint. */
export default defineAction('CreateTrafficMirrorTarget', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['traffic-mirror-target']).get('traffic-mirror-target') ?? [];
  const target = createMirrorTarget(ctx, input, tags);
  return { TrafficMirrorTarget: presentMirrorTargets(ctx, [target])[0], ClientToken: input.ClientToken };
});
