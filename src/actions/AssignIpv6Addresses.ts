import { assignIpv6, ipv6RequestOf } from '../domain/ipv6Addresses';
import { requireInterface } from '../domain/networkInterfaces';
import { assignIpv6Prefixes } from '../domain/prefixes';
import { CidrErrors, PrefixErrors } from '../errors';
import { defineAction } from './define';

/**
 * Named addresses or a count (not both), or /80 prefixes (Ipv6Prefixes / Ipv6PrefixCount); the answer lists only
 * the new ones, as AWS's does.
 */
export default defineAction('AssignIpv6Addresses', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  const named = input.Ipv6Addresses ?? [];
  const prefixes = input.Ipv6Prefixes ?? [];
  const prefixCount = input.Ipv6PrefixCount;
  if (prefixes.length > 0 || prefixCount !== undefined) {
    if (named.length > 0 || input.Ipv6AddressCount !== undefined) throw PrefixErrors.prefixesAndAddresses();
    if ((prefixes.length > 0) === (prefixCount !== undefined && prefixCount > 0)) throw PrefixErrors.countAndList('IPv6');
    const assigned = assignIpv6Prefixes(ctx, eni, { prefixes, count: prefixCount });
    return { NetworkInterfaceId: eni.id, AssignedIpv6Addresses: [], AssignedIpv6Prefixes: assigned };
  }
  if ((named.length > 0) === (input.Ipv6AddressCount !== undefined && input.Ipv6AddressCount > 0)) throw CidrErrors.ipv6CountAndList();
  const request = ipv6RequestOf({ Ipv6AddressCount: input.Ipv6AddressCount, Ipv6Addresses: named.map((a) => ({ Ipv6Address: a })) });
  const assigned = assignIpv6(ctx, eni, request);
  return { NetworkInterfaceId: eni.id, AssignedIpv6Addresses: assigned, AssignedIpv6Prefixes: [] };
});
