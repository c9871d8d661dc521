import { requireVpc, setVpcFlag, VpcFlag } from '../domain/vpc';
import { VpcErrors } from '../errors';
import { defineAction } from './define';

/** One attribute per call, as AWS requires: EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics. */
export default defineAction('ModifyVpcAttribute', (input, ctx) => {
  const vpc = requireVpc(ctx, input.VpcId);
  // In the model's member order, which is the order AWS names them in its error (wire names)
  const changes = [
    ['enable_dns_hostnames', input.EnableDnsHostnames?.Value, 'enableDnsHostnames'],
    ['enable_dns_support', input.EnableDnsSupport?.Value, 'enableDnsSupport'],
    ['enable_network_address_usage_metrics', input.EnableNetworkAddressUsageMetrics?.Value, 'enableNetworkAddressUsageMetrics'],
  ].filter(([, v]) => v !== undefined) as Array<[VpcFlag, boolean, string]>;
  if (changes.length === 0) throw VpcErrors.attributeRequired();
  if (changes.length > 1) throw VpcErrors.oneAttributeAtATime(changes.map(([, , wire]) => wire));
  const [flag, value] = changes[0];
  setVpcFlag(ctx, vpc.id, flag, value);
});
