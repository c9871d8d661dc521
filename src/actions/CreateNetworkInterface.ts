import { createInterface, resolveInterfaceGroups } from '../domain/networkInterfaces';
import { ipv6RequestOf } from '../domain/ipv6Addresses';
import { prefixRequestsOf } from '../domain/prefixes';
import { requireSubnet } from '../domain/subnets';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { NetworkInterfaceErrors } from '../errors';
import { presentInterfaces } from '../views/networkInterface';
import { defineAction } from './define';

export default defineAction('CreateNetworkInterface', (input, ctx) => {
  const subnet = requireSubnet(ctx, input.SubnetId);
  const listed = input.PrivateIpAddresses ?? [];
  const primaries = listed.filter((p) => p.Primary === true);
  if (primaries.length > 1) throw NetworkInterfaceErrors.primaryIpCount();
  if (primaries.length === 1 && input.PrivateIpAddress !== undefined && primaries[0].PrivateIpAddress !== input.PrivateIpAddress) {
    throw NetworkInterfaceErrors.primaryIpCount();
  }
  const primary = input.PrivateIpAddress ?? primaries[0]?.PrivateIpAddress;
  const secondaries = listed
    .filter((p) => p.Primary !== true && p.PrivateIpAddress !== undefined && p.PrivateIpAddress !== primary)
    .map((p) => p.PrivateIpAddress as string);
  const groupIds = resolveInterfaceGroups(ctx, subnet, input.Groups);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['network-interface']).get('network-interface') ?? [];

  const eni = createInterface(ctx, {
    subnet,
    groupIds,
    addresses: { primary, secondaries, secondaryCount: input.SecondaryPrivateIpAddressCount },
    description: input.Description,
    interfaceType: input.InterfaceType,
    site: 'interface',
    ipv6: ipv6RequestOf(input),
    prefixes: prefixRequestsOf(input),
  });
  addTags(ctx, eni.id, 'network-interface', tags);
  return { NetworkInterface: presentInterfaces(ctx, [eni])[0], ClientToken: input.ClientToken };
});
