import { setCapacityReservation } from '../domain/instanceAttributes';
import { requireInstances } from '../domain/instances';
import { defineAction } from './define';

/** A stopped instance's capacity reservation preference or target. */
export default defineAction('ModifyInstanceCapacityReservationAttributes', (input, ctx) => {
  const [instance] = requireInstances(ctx, [input.InstanceId]);
  setCapacityReservation(ctx, instance, input.CapacityReservationSpecification);
  return { Return: true };
});
