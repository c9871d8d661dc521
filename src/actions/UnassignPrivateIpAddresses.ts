import { requireUserInterface } from '../domain/networkInterfaces';
import { unassignPrivateIps } from '../domain/privateIps';
import { defineAction } from './define';

/** Secondary addresses go back to the subnet; the primary cannot be unassigned. */
export default defineAction('UnassignPrivateIpAddresses', (input, ctx) => {
  unassignPrivateIps(ctx, requireUserInterface(ctx, input.NetworkInterfaceId), input.PrivateIpAddresses ?? []);
});
