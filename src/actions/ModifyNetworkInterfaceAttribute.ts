import { requireUserInterface, setDeleteOnTermination, setDescription, setInterfaceGroups, setSourceDestCheck } from '../domain/networkInterfaces';
import { NetworkInterfaceErrors } from '../errors';
import { defineAction } from './define';

/**
 * One attribute per call: Attachment (DeleteOnTermination of the current attachment), Description, Groups or
 * SourceDestCheck. Delete-on-termination can be changed at any time while the interface is attached.
 */
export default defineAction('ModifyNetworkInterfaceAttribute', (input, ctx) => {
  const eni = requireUserInterface(ctx, input.NetworkInterfaceId);
  const given = [
    input.Attachment !== undefined,
    input.Description !== undefined,
    (input.Groups?.length ?? 0) > 0,
    input.SourceDestCheck !== undefined,
  ].filter(Boolean).length;
  if (given === 0) {
    if (input.AssociatePublicIpAddress !== undefined || input.ConnectionTrackingSpecification || input.EnaSrdSpecification) return;
    throw NetworkInterfaceErrors.missingAttribute();
  }
  if (given > 1) throw NetworkInterfaceErrors.oneAttribute();
  if (input.Attachment !== undefined) {
    setDeleteOnTermination(ctx, eni, input.Attachment.AttachmentId, input.Attachment.DeleteOnTermination);
  } else if (input.Description !== undefined) {
    setDescription(ctx, eni, input.Description.Value ?? '');
  } else if (input.Groups && input.Groups.length > 0) {
    setInterfaceGroups(ctx, eni, input.Groups);
  } else if (input.SourceDestCheck?.Value !== undefined) {
    setSourceDestCheck(ctx, eni, input.SourceDestCheck.Value);
  }
});
