/**
 * Secondary private addresses of an interface. A named address held by another interface moves only with
 * AllowReassignment (never another interface's primary); the limit is the instance type's addresses per interface
 * while the interface is attached. An Elastic IP on an address that leaves its interface is disassociated.
 */
import type { RequestContext } from '../core/context';
import { AddressingErrors, NetworkInterfaceErrors } from '../errors';
import type { NetworkInterfaceRow, PrivateIpRow } from '../store/rows';
import { checkRequestedIp, nextFreeIp } from './addressing';
import { ipToInt, isIpv4 } from './cidr';
import { disassociate } from './elasticIps';
import { recordIp } from './networkInterfaces';
import { ipv4Holdings } from './prefixes';

interface AssignRequest {
  named: readonly string[];
  count?: number;
  allowReassignment?: boolean;
}

/** Returns the addresses added. */
export function assignPrivateIps(ctx: RequestContext, eni: NetworkInterfaceRow, req: AssignRequest): string[] {
  const { store, scope } = ctx;
  const { named, count } = req;
  const subnet = store.subnets.get(scope, eni.subnet_id)!;
  const adding = named.length > 0 ? named.length : (count as number);
  const attachment = store.attachments.ofInterface(eni.id);
  if (attachment) {
    const instance = store.instances.get(scope, attachment.instance_id)!;
    // a /28 prefix counts as one address against the limit
    if (ipv4Holdings(ctx, eni.id) + adding > ctx.instanceTypes.limits(instance.instance_type).ipv4AddressesPerInterface) {
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
      if (holder && (holder.network_interface_id === eni.id || holder.is_primary === 1 || req.allowReassignment !== true)) {
        throw AddressingErrors.addressInUse();
      }
      if (holder) moves.push({ n, ip });
      else fresh.push(checkRequestedIp(ctx, subnet, ip, 'interface'));
    }
    for (const m of moves) {
      const previousOwner = store.privateIps.get(subnet.id, m.n)!.network_interface_id;
      // an Elastic IP follows the address's old interface no longer
      for (const a of store.addresses.ofInterfaces([previousOwner]).get(previousOwner) ?? []) {
        if (a.private_ip === m.ip) disassociate(ctx, a);
      }
      store.privateIps.reassign(subnet.id, m.n, eni.id);
      assigned.push(m.ip);
    }
    for (const n of fresh) assigned.push(recordIp(ctx, subnet, eni.id, n, false, false));
  } else {
    for (let i = 0; i < (count as number); i++) assigned.push(recordIp(ctx, subnet, eni.id, nextFreeIp(ctx, subnet, 'interface'), false, true));
  }
  return assigned;
}

/** Secondary addresses go back to the subnet; the primary cannot be unassigned. */
export function unassignPrivateIps(ctx: RequestContext, eni: NetworkInterfaceRow, ips: readonly string[]): void {
  const { store } = ctx;
  const current = store.privateIps.ofInterfaces([eni.id]).get(eni.id) ?? [];
  const doomed: PrivateIpRow[] = [];
  for (const ip of new Set(ips)) {
    const row = current.find((r) => r.ip === ip);
    if (!row) throw NetworkInterfaceErrors.unassignNotAssigned(ip, eni.id);
    if (row.is_primary === 1) throw NetworkInterfaceErrors.unassignPrimary(ip);
    doomed.push(row);
  }
  const addresses = store.addresses.ofInterfaces([eni.id]).get(eni.id) ?? [];
  for (const row of doomed) {
    for (const a of addresses.filter((x) => x.private_ip === row.ip)) disassociate(ctx, a);
    store.privateIps.delete(row.subnet_id, row.ip_int);
  }
}
