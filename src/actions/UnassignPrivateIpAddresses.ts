import { requireUserInterface } from '../domain/networkInterfaces';
import { unassignIpv4Prefixes } from '../domain/prefixes';
import { unassignPrivateIps } from '../domain/privateIps';
import { defineAction } from './define';

/** Secondary addresses and /28 prefixes go back to the subnet; the primary cannot be unassigned. */
export default defineAction('UnassignPrivateIpAddresses', (input, ctx) => {
  const eni = requireUserInterface(ctx, input.NetworkInterfaceId);
  unassignPrivateIps(ctx, eni, input.PrivateIpAddresses ?? []);
  unassignIpv4Prefixes(ctx, eni, input.Ipv4Prefixes ?? []);
});
