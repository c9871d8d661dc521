import { modifyFleet } from '../domain/fleets';
import { defineAction } from './define';

/** A new target capacity: the back end launches what is missing; with `termination`, the excess goes now. */
export default defineAction('ModifyFleet', (input, ctx) => {
  modifyFleet(ctx, input.FleetId, { target: input.TargetCapacitySpecification, excessPolicy: input.ExcessCapacityTerminationPolicy });
  return { Return: true };
});
