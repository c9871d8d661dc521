/**
 * The operations whose shapes the trimmed model carries (input to src/tools/generateModel.ts). Adding an action:
 * list it here, regenerate the model, then register its handler in src/actions/index.ts (REGISTRY: the compiler
 * refuses a model operation without an action).
 */
export const SUPPORTED_OPERATIONS: readonly string[] = [
  // regions, zones, account
  'DescribeRegions', 'DescribeAvailabilityZones', 'DescribeAccountAttributes',
  // VPCs and subnets
  'CreateVpc', 'DescribeVpcs', 'DeleteVpc', 'ModifyVpcAttribute', 'DescribeVpcAttribute', 'ModifyVpcTenancy',
  'DescribeVpcClassicLink', 'DescribeVpcClassicLinkDnsSupport',
  'CreateSubnet', 'DescribeSubnets', 'DeleteSubnet', 'ModifySubnetAttribute',
  // security groups
  'CreateSecurityGroup', 'DescribeSecurityGroups', 'DeleteSecurityGroup',
  'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
  'DescribeSecurityGroupRules', 'ModifySecurityGroupRules',
  'UpdateSecurityGroupRuleDescriptionsIngress', 'UpdateSecurityGroupRuleDescriptionsEgress',
  // tags
  'CreateTags', 'DeleteTags', 'DescribeTags',
  // instances, images, key pairs, instance types
  'RunInstances', 'DescribeInstances', 'StopInstances', 'StartInstances', 'RebootInstances', 'TerminateInstances',
  'DescribeInstanceStatus', 'DescribeInstanceCreditSpecifications', 'DescribeInstanceAttribute', 'ModifyInstanceAttribute', 'ModifyInstanceMetadataOptions',
  'DescribeInstanceTypes', 'DescribeInstanceTypeOfferings', 'ModifyInstanceTypeAttribute',
  'DescribeImages', 'CreateKeyPair', 'ImportKeyPair', 'DescribeKeyPairs', 'DeleteKeyPair',
  // network interfaces
  'CreateNetworkInterface', 'DeleteNetworkInterface', 'DescribeNetworkInterfaces',
  'AttachNetworkInterface', 'DetachNetworkInterface',
  'ModifyNetworkInterfaceAttribute', 'DescribeNetworkInterfaceAttribute', 'ResetNetworkInterfaceAttribute',
  'AssignPrivateIpAddresses', 'UnassignPrivateIpAddresses',
  'CreateNetworkInterfacePermission', 'DescribeNetworkInterfacePermissions', 'DeleteNetworkInterfacePermission',
  // routing, gateways, addresses
  'CreateRouteTable', 'DescribeRouteTables', 'DeleteRouteTable',
  'AssociateRouteTable', 'DisassociateRouteTable', 'ReplaceRouteTableAssociation',
  'CreateRoute', 'ReplaceRoute', 'DeleteRoute',
  'CreateInternetGateway', 'AttachInternetGateway', 'DetachInternetGateway', 'DeleteInternetGateway', 'DescribeInternetGateways',
  'AllocateAddress', 'AssociateAddress', 'DisassociateAddress', 'ReleaseAddress', 'DescribeAddresses',
  // NAT gateways
  'CreateNatGateway', 'DeleteNatGateway', 'DescribeNatGateways',
];
