import { tagsFromSpecifications } from '../domain/tags';
import { createMirrorRule } from '../domain/trafficMirroring';
import { presentMirrorRules } from '../views/trafficMirror';
import { defineAction } from './define';

/** A rule numbered uniquely per direction within its filter. */
export default defineAction('CreateTrafficMirrorFilterRule', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['traffic-mirror-filter-rule']).get('traffic-mirror-filter-rule') ?? [];
  const rule = createMirrorRule(ctx, input, tags);
  return { TrafficMirrorFilterRule: presentMirrorRules(ctx, [rule])[0], ClientToken: input.ClientToken };
});
