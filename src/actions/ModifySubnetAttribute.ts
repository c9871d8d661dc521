import { NotFoundErrors } from '../errors';
import { defineAction } from './define';

/**
 * MapPublicIpOnLaunch is modelled (RunInstances reads it). The IPv6, DNS-name and customer-owned-IP attributes
 * are accepted and have no effect: ec2lite has no IPv6 or customer-owned pools.
 */
export default defineAction('ModifySubnetAttribute', (input, ctx) => {
  const subnet = ctx.store.subnets.get(ctx.scope, input.SubnetId);
  if (!subnet) throw NotFoundErrors.subnet(input.SubnetId);
  if (input.MapPublicIpOnLaunch?.Value !== undefined) {
    ctx.store.subnets.update(subnet.id, { map_public_ip_on_launch: input.MapPublicIpOnLaunch.Value ? 1 : 0 });
  }
});
