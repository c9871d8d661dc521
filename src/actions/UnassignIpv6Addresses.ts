import { requireInterface } from '../domain/networkInterfaces';
import { unassignIpv6 } from '../domain/ipv6Addresses';
import { defineAction } from './define';

export default defineAction('UnassignIpv6Addresses', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  const removed = unassignIpv6(ctx, eni, input.Ipv6Addresses ?? []);
  return { NetworkInterfaceId: eni.id, UnassignedIpv6Addresses: removed, UnassignedIpv6Prefixes: [] };
});
