import { tagsFromSpecifications } from '../domain/tags';
import { createMirrorFilter } from '../domain/trafficMirroring';
import { presentMirrorFilters } from '../views/trafficMirror';
import { defineAction } from './define';

/** An empty filter: rules come with CreateTrafficMirrorFilterRule. */
export default defineAction('CreateTrafficMirrorFilter', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['traffic-mirror-filter']).get('traffic-mirror-filter') ?? [];
  const filter = createMirrorFilter(ctx, input.Description, tags);
  return { TrafficMirrorFilter: presentMirrorFilters(ctx, [filter])[0], ClientToken: input.ClientToken };
});
