import { NetworkInterfaceErrors } from '../errors';
import { requireInterface } from './shared/interfaces';
import { defineAction } from './define';

/** Secondary addresses go back to the subnet; the primary cannot be unassigned. */
export default defineAction('UnassignPrivateIpAddresses', (input, ctx) => {
  const { store } = ctx;
  const eni = requireInterface(ctx, input.NetworkInterfaceId);
  const current = store.privateIps.ofInterfaces([eni.id]).get(eni.id) ?? [];
  const doomed = [];
  for (const ip of new Set(input.PrivateIpAddresses ?? [])) {
    const row = current.find((r) => r.ip === ip);
    if (!row) throw NetworkInterfaceErrors.unassignNotAssigned(ip, eni.id);
    if (row.is_primary === 1) throw NetworkInterfaceErrors.unassignPrimary(ip);
    doomed.push(row);
  }
  const addresses = store.addresses.ofInterfaces([eni.id]).get(eni.id) ?? [];
  for (const row of doomed) {
    for (const a of addresses.filter((x) => x.private_ip === row.ip)) {
      store.addresses.update(a.public_ip, { association_id: null, network_interface_id: null, private_ip: null });
    }
    store.privateIps.delete(row.subnet_id, row.ip_int);
  }
});
