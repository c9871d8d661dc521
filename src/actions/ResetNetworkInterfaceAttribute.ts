import { requireUserInterface, setSourceDestCheck } from '../domain/networkInterfaces';
import { NetworkInterfaceErrors } from '../errors';
import { defineAction } from './define';

/** Only sourceDestCheck can be reset (to true), as on AWS and Eucalyptus. */
export default defineAction('ResetNetworkInterfaceAttribute', (input, ctx) => {
  const eni = requireUserInterface(ctx, input.NetworkInterfaceId);
  if (input.SourceDestCheck === undefined) throw NetworkInterfaceErrors.missingAttribute();
  if (input.SourceDestCheck !== 'sourceDestCheck' && input.SourceDestCheck !== 'true' && input.SourceDestCheck !== '') {
    throw NetworkInterfaceErrors.resetAttribute(input.SourceDestCheck);
  }
  setSourceDestCheck(ctx, eni, true);
});
