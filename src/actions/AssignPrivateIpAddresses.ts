import { checkRequestedIp, nextFreeIp } from '../domain/addressing';
import { ipToInt, isIpv4 } from '../domain/cidr';
import { recordIp } from '../domain/networkInterfaces';
import { AddressingErrors, NetworkInterfaceErrors } from '../errors';
import { requireInterface } from './shared/interfaces';
import { defineAction } from './define';

/**
 * Adds secondary addresses, named or counted. A named address held by another interface moves only with
 * AllowReassignment (never another interface's primary). The limit is the instance type's addresses per
 * interface while the interface is attached. The answer lists only the new addresses, as AWS's does.
 */
export default defineAction('AssignPrivateIpAddresses', (input, ctx) => {
  const { store, scope } = ctx;
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  const named = input.PrivateIpAddresses ?? [];
  const count = input.SecondaryPrivateIpAddressCount;
  if (named.length > 0 && count !== undefined) throw AddressingErrors.countAndList();
  if (named.length === 0 && (count === undefined || count < 1)) throw AddressingErrors.countAndList();
  const subnet = store.subnets.get(scope, eni.subnet_id)!;
  const current = store.privateIps.ofInterfaces([eni.id]).get(eni.id) ?? [];
  const adding = named.length > 0 ? named.length : (count as number);
  const attachment = store.attachments.ofInterface(eni.id);
  if (attachment) {
    const instance = store.instances.get(scope, attachment.instance_id)!;
    if (current.length + adding > ctx.instanceTypes.limits(instance.instance_type).ipv4AddressesPerInterface) {
      throw NetworkInterfaceErrors.privateIpLimit();
    }
  }
  const assigned: string[] = [];
  if (named.length > 0) {
    const moves: Array<{ n: number; ip: string }> = [];
    const fresh: number[] = [];
    for (const ip of new Set(named)) {
      if (!isIpv4(ip)) throw AddressingErrors.malformed(ip);
      const n = ipToInt(ip);
      const holder = store.privateIps.get(subnet.id, n);
      if (holder && (holder.network_interface_id === eni.id || holder.is_primary === 1 || input.AllowReassignment !== true)) {
        throw AddressingErrors.addressInUse();
      }
      if (holder) moves.push({ n, ip });
      else fresh.push(checkRequestedIp(ctx, subnet, ip, 'interface'));
    }
    for (const m of moves) {
      const previousOwner = store.privateIps.get(subnet.id, m.n)!.network_interface_id;
      // an Elastic IP follows the address's old interface no longer
      for (const a of store.addresses.ofInterfaces([previousOwner]).get(previousOwner) ?? []) {
        if (a.private_ip === m.ip) store.addresses.update(a.public_ip, { association_id: null, network_interface_id: null, private_ip: null });
      }
      store.privateIps.reassign(subnet.id, m.n, eni.id);
      assigned.push(m.ip);
    }
    for (const n of fresh) assigned.push(recordIp(ctx, subnet, eni.id, n, false, false));
  } else {
    for (let i = 0; i < (count as number); i++) assigned.push(recordIp(ctx, subnet, eni.id, nextFreeIp(ctx, subnet, 'interface'), false, true));
  }
  return {
    NetworkInterfaceId: eni.id,
    AssignedPrivateIpAddresses: assigned.map((ip) => ({ PrivateIpAddress: ip })),
    AssignedIpv4Prefixes: [],
  };
});
