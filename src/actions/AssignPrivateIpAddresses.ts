import { requireUserInterface } from '../domain/networkInterfaces';
import { assignIpv4Prefixes } from '../domain/prefixes';
import { assignPrivateIps } from '../domain/privateIps';
import { AddressingErrors, PrefixErrors } from '../errors';
import { defineAction } from './define';

/**
 * Adds secondary addresses, named or counted, or /28 prefixes (Ipv4Prefixes / Ipv4PrefixCount; never both kinds
 * in one call). A named address held by another interface moves only with AllowReassignment (never another
 * interface's primary). The limit is the instance type's addresses per interface while the interface is attached
 * (a prefix counts as one). The answer lists only what is new, as AWS's does.
 */
export default defineAction('AssignPrivateIpAddresses', (input, ctx) => {
  const eni = requireUserInterface(ctx, input.NetworkInterfaceId);
  const named = input.PrivateIpAddresses ?? [];
  const count = input.SecondaryPrivateIpAddressCount;
  const prefixes = input.Ipv4Prefixes ?? [];
  const prefixCount = input.Ipv4PrefixCount;
  const wantsPrefixes = prefixes.length > 0 || prefixCount !== undefined;
  if (wantsPrefixes) {
    if (named.length > 0 || count !== undefined) throw PrefixErrors.prefixesAndAddresses();
    if (prefixes.length > 0 && prefixCount !== undefined) throw PrefixErrors.countAndList('IPv4');
    if (prefixes.length === 0 && prefixCount! < 1) throw PrefixErrors.countAndList('IPv4');
    const assigned = assignIpv4Prefixes(ctx, eni, { prefixes, count: prefixCount });
    return { NetworkInterfaceId: eni.id, AssignedPrivateIpAddresses: [], AssignedIpv4Prefixes: assigned.map((p) => ({ Ipv4Prefix: p })) };
  }
  if (named.length > 0 && count !== undefined) throw AddressingErrors.countAndList();
  if (named.length === 0 && (count === undefined || count < 1)) throw AddressingErrors.countAndList();
  const assigned = assignPrivateIps(ctx, eni, { named, count, allowReassignment: input.AllowReassignment });
  return {
    NetworkInterfaceId: eni.id,
    AssignedPrivateIpAddresses: assigned.map((ip) => ({ PrivateIpAddress: ip })),
    AssignedIpv4Prefixes: [],
  };
});
