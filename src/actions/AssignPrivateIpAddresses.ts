import { requireUserInterface } from '../domain/networkInterfaces';
import { assignPrivateIps } from '../domain/privateIps';
import { AddressingErrors } from '../errors';
import { defineAction } from './define';

/**
 * Adds secondary addresses, named or counted. A named address held by another interface moves only with
 * AllowReassignment (never another interface's primary). The limit is the instance type's addresses per
 * interface while the interface is attached. The answer lists only the new addresses, as AWS's does.
 */
export default defineAction('AssignPrivateIpAddresses', (input, ctx) => {
  const eni = requireUserInterface(ctx, input.NetworkInterfaceId);
  const named = input.PrivateIpAddresses ?? [];
  const count = input.SecondaryPrivateIpAddressCount;
  if (named.length > 0 && count !== undefined) throw AddressingErrors.countAndList();
  if (named.length === 0 && (count === undefined || count < 1)) throw AddressingErrors.countAndList();
  const assigned = assignPrivateIps(ctx, eni, { named, count, allowReassignment: input.AllowReassignment });
  return {
    NetworkInterfaceId: eni.id,
    AssignedPrivateIpAddresses: assigned.map((ip) => ({ PrivateIpAddress: ip })),
    AssignedIpv4Prefixes: [],
  };
});
