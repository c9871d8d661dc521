import { assignIpv6, ipv6RequestOf } from '../domain/ipv6Addresses';
import { requireInterface } from '../domain/networkInterfaces';
import { CidrErrors } from '../errors';
import { defineAction } from './define';

/** Named addresses or a count (not both, at least one); the answer lists only the new addresses, as AWS's does. */
export default defineAction('AssignIpv6Addresses', (input, ctx) => {
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  const named = input.Ipv6Addresses ?? [];
  if ((named.length > 0) === (input.Ipv6AddressCount !== undefined && input.Ipv6AddressCount > 0)) throw CidrErrors.ipv6CountAndList();
  const request = ipv6RequestOf({ Ipv6AddressCount: input.Ipv6AddressCount, Ipv6Addresses: named.map((a) => ({ Ipv6Address: a })) });
  const assigned = assignIpv6(ctx, eni, request);
  return { NetworkInterfaceId: eni.id, AssignedIpv6Addresses: assigned, AssignedIpv6Prefixes: [] };
});
