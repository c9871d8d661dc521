import { requestSpotFleet } from '../domain/spotFleets';
import { tagsFromSpecifications } from '../domain/tags';
import { defineAction } from './define';

/** `submitted`; the back end activates the request and launches its target (docs/behavior.md "Spot Fleet requests"). */
export default defineAction('RequestSpotFleet', (input, ctx) => {
  const config = input.SpotFleetRequestConfig;
  const tags = tagsFromSpecifications(config.TagSpecifications, ['spot-fleet-request']).get('spot-fleet-request') ?? [];
  const fleet = requestSpotFleet(ctx, config, tags);
  return { SpotFleetRequestId: fleet.id };
});
