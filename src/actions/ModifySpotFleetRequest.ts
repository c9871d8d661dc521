import { modifySpotFleet } from '../domain/spotFleets';
import { defineAction } from './define';

/** A new target (maintain requests): `modifying`, the excess terminated now, the back end launches what is missing. */
export default defineAction('ModifySpotFleetRequest', (input, ctx) => {
  modifySpotFleet(ctx, input);
  return { Return: true };
});
