import { createDefaultVpc } from '../domain/defaultVpc';
import { presentVpcs } from '../views/vpc';
import { defineAction } from './define';

/** AWS reports the new default VPC as pending, like CreateVpc; it is usable at once. */
export default defineAction('CreateDefaultVpc', (_input, ctx) => {
  const vpc = createDefaultVpc(ctx);
  return { Vpc: { ...presentVpcs(ctx, [vpc])[0], State: 'pending' } };
});
