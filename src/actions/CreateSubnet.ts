import { createSubnet } from '../domain/subnets';
import { tagsFromSpecifications } from '../domain/tags';
import { presentSubnets } from '../views/vpc';
import { defineAction } from './define';

export default defineAction('CreateSubnet', (input, ctx) => {
  const subnet = createSubnet(ctx, input, () => tagsFromSpecifications(input.TagSpecifications, ['subnet']).get('subnet') ?? []);
  return { Subnet: presentSubnets(ctx, [subnet])[0] };
});
