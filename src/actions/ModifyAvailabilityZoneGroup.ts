import { modifyAvailabilityZoneGroup } from '../domain/zones';
import { defineAction } from './define';

/** Opts the account in to a Local Zone or Wavelength Zone group of the Region (docs/behavior.md). */
export default defineAction('ModifyAvailabilityZoneGroup', (input, ctx) => {
  modifyAvailabilityZoneGroup(ctx, input.GroupName, input.OptInStatus);
  return { Return: true };
});
