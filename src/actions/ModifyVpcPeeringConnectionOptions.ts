import { modifyPeeringOptions } from '../domain/vpcPeering';
import { defineAction } from './define';

/** AllowDnsResolutionFromRemoteVpc per side; the answer lists the sides that were changed. */
export default defineAction('ModifyVpcPeeringConnectionOptions', (input, ctx) => {
  const changed = modifyPeeringOptions(ctx, input.VpcPeeringConnectionId, input.RequesterPeeringConnectionOptions, input.AccepterPeeringConnectionOptions);
  const shown = (allow: boolean | undefined) =>
    allow === undefined
      ? undefined
      : { AllowDnsResolutionFromRemoteVpc: allow, AllowEgressFromLocalClassicLinkToRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: false };
  return { RequesterPeeringConnectionOptions: shown(changed.requester), AccepterPeeringConnectionOptions: shown(changed.accepter) };
});
