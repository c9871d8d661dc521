import { modifyServicePermissions } from '../domain/vpcEndpointServices';
import { presentServicePermissions } from '../views/vpcEndpointService';
import { defineAction } from './define';

/** Adds and removes allowed principals (ARNs, or '*'); existing connections are not touched. */
export default defineAction('ModifyVpcEndpointServicePermissions', (input, ctx) => {
  const added = modifyServicePermissions(ctx, input.ServiceId, input.AddAllowedPrincipals ?? [], input.RemoveAllowedPrincipals ?? []);
  const shown = presentServicePermissions(ctx, added).map(({ Tags: _tags, ...p }) => p);
  return { AddedPrincipals: shown.length > 0 ? shown : undefined, ReturnValue: true };
});
