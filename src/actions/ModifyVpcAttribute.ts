import { requireVpc, setVpcFlag, VpcFlag } from '../domain/vpc';
import { VpcErrors } from '../errors';
import { defineAction } from './define';

/** One attribute per call, as AWS requires: EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics. */
export default defineAction('ModifyVpcAttribute', (input, ctx) => {
  const vpc = requireVpc(ctx, input.VpcId);
  const changes = [
    ['enable_dns_support', input.EnableDnsSupport?.Value],
    ['enable_dns_hostnames', input.EnableDnsHostnames?.Value],
    ['enable_network_address_usage_metrics', input.EnableNetworkAddressUsageMetrics?.Value],
  ].filter(([, v]) => v !== undefined) as Array<[VpcFlag, boolean]>;
  if (changes.length === 0) throw VpcErrors.attributeRequired();
  if (changes.length > 1) throw VpcErrors.oneAttributeAtATime();
  const [flag, value] = changes[0];
  setVpcFlag(ctx, vpc.id, flag, value);
});
