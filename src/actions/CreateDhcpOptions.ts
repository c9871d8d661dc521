import { createDhcpOptions } from '../domain/dhcpOptions';
import { addTags, tagsFromSpecifications } from '../domain/tags';
import { presentDhcpOptions } from '../views/networkAcl';
import { defineAction } from './define';

export default defineAction('CreateDhcpOptions', (input, ctx) => {
  const set = createDhcpOptions(ctx, input.DhcpConfigurations);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['dhcp-options']).get('dhcp-options') ?? [];
  addTags(ctx, set.id, 'dhcp-options', tags);
  return { DhcpOptions: presentDhcpOptions(ctx, [set])[0] };
});
