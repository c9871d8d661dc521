import { requestSpotInstances } from '../domain/spot';
import { tagsFromSpecifications } from '../domain/tags';
import { presentSpotRequests } from '../views/fleet';
import { defineAction } from './define';

/** InstanceCount requests, `open`; the back end fulfils each with one Spot Instance. */
export default defineAction('RequestSpotInstances', (input, ctx) => {
  const tags = tagsFromSpecifications(input.TagSpecifications, ['spot-instances-request']).get('spot-instances-request') ?? [];
  const rows = requestSpotInstances(ctx, input, tags);
  return { SpotInstanceRequests: presentSpotRequests(ctx, rows) };
});
