import { NetworkInterfaceErrors } from '../errors';
import { requireInterface } from './shared/interfaces';
import { defineAction } from './define';

/** Only sourceDestCheck can be reset (to true), as on AWS and Eucalyptus. */
export default defineAction('ResetNetworkInterfaceAttribute', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  if (input.SourceDestCheck === undefined) throw NetworkInterfaceErrors.missingAttribute();
  if (input.SourceDestCheck !== 'sourceDestCheck' && input.SourceDestCheck !== 'true' && input.SourceDestCheck !== '') {
    throw NetworkInterfaceErrors.resetAttribute(input.SourceDestCheck);
  }
  ctx.store.networkInterfaces.update(eni.id, { source_dest_check: 1 });
});
