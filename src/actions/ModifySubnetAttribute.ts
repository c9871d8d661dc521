import { setSubnetIpv6Attributes } from '../domain/subnetIpv6';
import { requireSubnet, setMapPublicIpOnLaunch } from '../domain/subnets';
import { defineAction } from './define';

/**
 * MapPublicIpOnLaunch (RunInstances reads it) and the IPv6 and DNS-name launch attributes are stored and shown by
 * DescribeSubnets. The customer-owned-IP and LNI attributes are accepted and have no effect: ec2lite has no
 * customer-owned pools or LNIs.
 */
export default defineAction('ModifySubnetAttribute', (input, ctx) => {
  const subnet = requireSubnet(ctx, input.SubnetId);
  if (input.MapPublicIpOnLaunch?.Value !== undefined) setMapPublicIpOnLaunch(ctx, subnet.id, input.MapPublicIpOnLaunch.Value);
  setSubnetIpv6Attributes(ctx, subnet, input);
});
