import { requireInterface } from '../domain/networkInterfaces';
import { unassignIpv6 } from '../domain/ipv6Addresses';
import { unassignIpv6Prefixes } from '../domain/prefixes';
import { defineAction } from './define';

export default defineAction('UnassignIpv6Addresses', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  const removed = unassignIpv6(ctx, eni, input.Ipv6Addresses ?? []);
  const prefixes = unassignIpv6Prefixes(ctx, eni, input.Ipv6Prefixes ?? []);
  return { NetworkInterfaceId: eni.id, UnassignedIpv6Addresses: removed, UnassignedIpv6Prefixes: prefixes };
});
