import { requireVpc } from '../domain/vpc';
import { defineAction } from './define';

export default defineAction('DescribeVpcAttribute', (input, ctx) => {
  const vpc = requireVpc(ctx, input.VpcId);
  switch (input.Attribute) {
    case 'enableDnsSupport':
      return { VpcId: vpc.id, EnableDnsSupport: { Value: vpc.enable_dns_support === 1 } };
    case 'enableDnsHostnames':
      return { VpcId: vpc.id, EnableDnsHostnames: { Value: vpc.enable_dns_hostnames === 1 } };
    default:
      return { VpcId: vpc.id, EnableNetworkAddressUsageMetrics: { Value: vpc.enable_network_address_usage_metrics === 1 } };
  }
});
