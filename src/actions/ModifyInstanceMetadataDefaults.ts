import { modifyMetadataDefaults } from '../domain/accountSettings';
import { defineAction } from './define';

/** Sets or clears (`no-preference`, hop limit -1) the defaults RunInstances uses when a launch does not say. */
export default defineAction('ModifyInstanceMetadataDefaults', (input, ctx) => {
  modifyMetadataDefaults(ctx, input);
  return { Return: true };
});
