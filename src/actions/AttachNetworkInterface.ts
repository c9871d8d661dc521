import { attachInterface } from '../domain/networkInterfaces';
import { defineAction } from './define';

/** Hot attach (running: attaching, then attached by the back end) or cold attach (stopped: attached at once). */
export default defineAction('AttachNetworkInterface', (input, ctx) => {
  const attachment = attachInterface(ctx, {
    eniId: input.NetworkInterfaceId,
    instanceId: input.InstanceId,
    deviceIndex: input.DeviceIndex,
    networkCardIndex: input.NetworkCardIndex,
  });
  return { AttachmentId: attachment.id, NetworkCardIndex: attachment.network_card_index };
});
