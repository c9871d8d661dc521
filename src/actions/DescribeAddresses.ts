import { NotFoundErrors } from '../errors';
import { compileFilters, FilterSpec } from '../filters/engine';
import type { Address } from '../protocol/model/types.generated';
import { presentAddress } from '../views/routing';
import { defineAction } from './define';

const filters: FilterSpec<Address> = {
  tags: (a) => a.Tags,
  fields: {
    'allocation-id': { get: (a) => a.AllocationId },
    'association-id': { get: (a) => a.AssociationId },
    domain: { get: (a) => a.Domain },
    'instance-id': { get: (a) => a.InstanceId },
    'network-border-group': { get: (a) => a.NetworkBorderGroup },
    'network-interface-id': { get: (a) => a.NetworkInterfaceId },
    'network-interface-owner-id': { get: (a) => a.NetworkInterfaceOwnerId },
    'private-ip-address': { get: (a) => a.PrivateIpAddress },
    'public-ip': { get: (a) => a.PublicIp },
  },
};

/** Elastic IPs only (launch-time public IPs are not addresses you own). Not paginated, as on AWS. */
export default defineAction('DescribeAddresses', (input, ctx) => {
  const { store, scope } = ctx;
  const rows = store.addresses.list(scope);
  for (const id of input.AllocationIds ?? []) if (!rows.some((r) => r.allocation_id === id)) throw NotFoundErrors.allocation(id);
  for (const ip of input.PublicIps ?? []) if (!rows.some((r) => r.public_ip === ip)) throw NotFoundErrors.addressDescribe(ip);
  const eniIds = rows.map((r) => r.network_interface_id).filter((x): x is string => !!x);
  const attachments = store.attachments.ofInterfaces(eniIds);
  const tags = store.tags.forResources(rows.map((r) => r.allocation_id!));
  const f = compileFilters(filters, input.Filters, scope);
  const items = rows
    .filter((r) => (!input.AllocationIds?.length || input.AllocationIds.includes(r.allocation_id!)) && (!input.PublicIps?.length || input.PublicIps.includes(r.public_ip)))
    .map((r) => presentAddress(r, r.network_interface_id ? attachments.get(r.network_interface_id)?.instance_id : undefined, tags.get(r.allocation_id!) ?? []))
    .filter(f.matches);
  return { Addresses: items };
});
