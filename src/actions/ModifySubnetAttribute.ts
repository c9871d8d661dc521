import { requireSubnet, setMapPublicIpOnLaunch } from '../domain/subnets';
import { defineAction } from './define';

/**
 * MapPublicIpOnLaunch is modelled (RunInstances reads it). The IPv6, DNS-name and customer-owned-IP attributes
 * are accepted and have no effect: ec2lite has no IPv6 or customer-owned pools.
 */
export default defineAction('ModifySubnetAttribute', (input, ctx) => {
  const subnet = requireSubnet(ctx, input.SubnetId);
  if (input.MapPublicIpOnLaunch?.Value !== undefined) setMapPublicIpOnLaunch(ctx, subnet.id, input.MapPublicIpOnLaunch.Value);
});
