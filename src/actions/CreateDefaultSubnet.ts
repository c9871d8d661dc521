import { createDefaultSubnet } from '../domain/defaultVpc';
import { presentSubnets } from '../views/vpc';
import { defineAction } from './define';

export default defineAction('CreateDefaultSubnet', (input, ctx) => {
  return { Subnet: presentSubnets(ctx, [createDefaultSubnet(ctx, input)])[0] };
});
