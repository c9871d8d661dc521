import { resolveInterfaceGroups } from '../domain/networkInterfaces';
import { NetworkInterfaceErrors, NotFoundErrors } from '../errors';
import { requireInterface } from './shared/interfaces';
import { defineAction } from './define';

/**
 * One attribute per call: Attachment (DeleteOnTermination of the current attachment), Description, Groups or
 * SourceDestCheck. Delete-on-termination can be changed at any time while the interface is attached.
 */
export default defineAction('ModifyNetworkInterfaceAttribute', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
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
  const { store } = ctx;
  if (input.Attachment !== undefined) {
    const current = store.attachments.ofInterface(eni.id);
    const wanted = input.Attachment.AttachmentId;
    if (!current || (wanted !== undefined && wanted !== current.id)) throw NotFoundErrors.attachment(wanted ?? '');
    if (input.Attachment.DeleteOnTermination !== undefined) {
      store.attachments.update(current.id, { delete_on_termination: input.Attachment.DeleteOnTermination ? 1 : 0 });
    }
  } else if (input.Description !== undefined) {
    store.networkInterfaces.update(eni.id, { description: input.Description.Value ?? '' });
  } else if (input.Groups && input.Groups.length > 0) {
    const subnet = store.subnets.get(ctx.scope, eni.subnet_id)!;
    store.networkInterfaces.setGroups(eni.id, resolveInterfaceGroups(ctx, subnet, input.Groups));
  } else if (input.SourceDestCheck?.Value !== undefined) {
    store.networkInterfaces.update(eni.id, { source_dest_check: input.SourceDestCheck.Value ? 1 : 0 });
  }
});
