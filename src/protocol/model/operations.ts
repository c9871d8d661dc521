/**
 * The operations whose shapes the trimmed model carries (input to tools/generateModel.ts). Adding an action:
 * list it here, regenerate the model, then register its handler in src/actions/index.ts (REGISTRY: the compiler
 * refuses a model operation without an action).
 */
export const SUPPORTED_OPERATIONS: readonly string[] = [
  // regions, zones, account
  'DescribeRegions', 'DescribeAvailabilityZones', 'ModifyAvailabilityZoneGroup', 'DescribeAccountAttributes',
  // VPCs and subnets
  'CreateVpc', 'DescribeVpcs', 'DeleteVpc', 'ModifyVpcAttribute', 'DescribeVpcAttribute', 'ModifyVpcTenancy',
  'DescribeVpcBlockPublicAccessOptions', 'ModifyVpcBlockPublicAccessOptions',
  'CreateDefaultVpc', 'CreateDefaultSubnet',
  'DescribeVpcClassicLink', 'DescribeVpcClassicLinkDnsSupport',
  'CreateSubnet', 'DescribeSubnets', 'DeleteSubnet', 'ModifySubnetAttribute',
  'AssociateVpcCidrBlock', 'DisassociateVpcCidrBlock', 'AssociateSubnetCidrBlock', 'DisassociateSubnetCidrBlock',
  'CreateSubnetCidrReservation', 'DeleteSubnetCidrReservation', 'GetSubnetCidrReservations',
  // security groups
  'CreateSecurityGroup', 'DescribeSecurityGroups', 'DeleteSecurityGroup',
  'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
  'DescribeSecurityGroupRules', 'ModifySecurityGroupRules',
  'UpdateSecurityGroupRuleDescriptionsIngress', 'UpdateSecurityGroupRuleDescriptionsEgress',
  // tags
  'CreateTags', 'DeleteTags', 'DescribeTags',
  // instances, images, key pairs, instance types
  'RunInstances', 'DescribeInstances', 'StopInstances', 'StartInstances', 'RebootInstances', 'TerminateInstances',
  'DescribeInstanceStatus', 'DescribeInstanceCreditSpecifications', 'ModifyInstanceCreditSpecification',
  'GetConsoleOutput', 'GetConsoleScreenshot', 'GetPasswordData', 'GetInstanceUefiData', 'MonitorInstances', 'UnmonitorInstances', 'ModifyInstanceCpuOptions',
  'ModifyInstanceMaintenanceOptions', 'ModifyPrivateDnsNameOptions', 'ModifyInstanceCapacityReservationAttributes',
  'CreatePlacementGroup', 'DeletePlacementGroup', 'DescribePlacementGroups',
  'CreateInstanceConnectEndpoint', 'DescribeInstanceConnectEndpoints', 'DeleteInstanceConnectEndpoint',
  'CreateCapacityReservation', 'DescribeCapacityReservations', 'ModifyCapacityReservation', 'CancelCapacityReservation',
  'DescribeReservedInstancesOfferings', 'DescribeReservedInstances',
  'GetCapacityReservationUsage',
  'AllocateHosts', 'DescribeHosts', 'ModifyHosts', 'ReleaseHosts', 'DescribeInstanceAttribute', 'ModifyInstanceAttribute', 'ResetInstanceAttribute', 'ModifyInstanceMetadataOptions',
  'DescribeInstanceTypes', 'DescribeInstanceTypeOfferings', 'ModifyInstanceTypeAttribute',
  'AssociateIamInstanceProfile', 'DescribeIamInstanceProfileAssociations', 'ReplaceIamInstanceProfileAssociation',
  'DisassociateIamInstanceProfile',
  'DescribeImages', 'CreateImage', 'RegisterImage', 'CopyImage', 'DeregisterImage',
  'EnableImageDeprecation', 'DisableImageDeprecation', 'EnableImageDeregistrationProtection', 'DisableImageDeregistrationProtection',
  'DescribeImageAttribute', 'ModifyImageAttribute', 'ResetImageAttribute',
  'CreateKeyPair', 'ImportKeyPair', 'DescribeKeyPairs', 'DeleteKeyPair',
  // launch templates
  'CreateLaunchTemplate', 'CreateLaunchTemplateVersion', 'ModifyLaunchTemplate', 'DeleteLaunchTemplate',
  'DeleteLaunchTemplateVersions', 'DescribeLaunchTemplates', 'DescribeLaunchTemplateVersions', 'GetLaunchTemplateData',
  // network interfaces
  'CreateNetworkInterface', 'DeleteNetworkInterface', 'DescribeNetworkInterfaces',
  'AttachNetworkInterface', 'DetachNetworkInterface',
  'ModifyNetworkInterfaceAttribute', 'DescribeNetworkInterfaceAttribute', 'ResetNetworkInterfaceAttribute',
  'AssignPrivateIpAddresses', 'UnassignPrivateIpAddresses', 'AssignIpv6Addresses', 'UnassignIpv6Addresses',
  'CreateNetworkInterfacePermission', 'DescribeNetworkInterfacePermissions', 'DeleteNetworkInterfacePermission',
  // flow logs
  'CreateFlowLogs', 'DeleteFlowLogs', 'DescribeFlowLogs',
  // routing, gateways, addresses
  'CreateRouteTable', 'DescribeRouteTables', 'DeleteRouteTable',
  'AssociateRouteTable', 'DisassociateRouteTable', 'ReplaceRouteTableAssociation',
  'CreateRoute', 'ReplaceRoute', 'DeleteRoute',
  'CreateInternetGateway', 'AttachInternetGateway', 'DetachInternetGateway', 'DeleteInternetGateway', 'DescribeInternetGateways',
  'CreateEgressOnlyInternetGateway', 'DeleteEgressOnlyInternetGateway', 'DescribeEgressOnlyInternetGateways',
  'AllocateAddress', 'AssociateAddress', 'DisassociateAddress', 'ReleaseAddress', 'DescribeAddresses',
  'DescribeAddressesAttribute', 'ModifyAddressAttribute', 'ResetAddressAttribute',
  // network ACLs, DHCP options
  'CreateNetworkAcl', 'DeleteNetworkAcl', 'DescribeNetworkAcls',
  'CreateNetworkAclEntry', 'ReplaceNetworkAclEntry', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclAssociation',
  'CreateDhcpOptions', 'AssociateDhcpOptions', 'DeleteDhcpOptions', 'DescribeDhcpOptions',
  // EBS volumes, snapshots, encryption by default
  'CreateVolume', 'DeleteVolume', 'DescribeVolumes', 'AttachVolume', 'DetachVolume',
  'ModifyVolume', 'DescribeVolumesModifications', 'DescribeVolumeStatus', 'DescribeVolumeAttribute', 'ModifyVolumeAttribute',
  'CreateSnapshot', 'CreateSnapshots', 'CopySnapshot', 'DeleteSnapshot', 'DescribeSnapshots',
  'DescribeSnapshotAttribute', 'ModifySnapshotAttribute', 'ResetSnapshotAttribute',
  'ModifySnapshotTier', 'RestoreSnapshotTier', 'DescribeSnapshotTierStatus',
  'GetEbsEncryptionByDefault', 'EnableEbsEncryptionByDefault', 'DisableEbsEncryptionByDefault', 'GetEbsDefaultKmsKeyId',
  'ModifyEbsDefaultKmsKeyId', 'ResetEbsDefaultKmsKeyId',
  // account settings of a region
  'GetSnapshotBlockPublicAccessState', 'EnableSnapshotBlockPublicAccess', 'DisableSnapshotBlockPublicAccess',
  'GetImageBlockPublicAccessState', 'EnableImageBlockPublicAccess', 'DisableImageBlockPublicAccess',
  'GetSerialConsoleAccessStatus', 'EnableSerialConsoleAccess', 'DisableSerialConsoleAccess',
  'GetInstanceMetadataDefaults', 'ModifyInstanceMetadataDefaults',
  'GetDefaultCreditSpecification', 'ModifyDefaultCreditSpecification',
  // NAT gateways
  'CreateNatGateway', 'DeleteNatGateway', 'DescribeNatGateways',
  // VPC peering
  'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'RejectVpcPeeringConnection', 'DeleteVpcPeeringConnection',
  'DescribeVpcPeeringConnections', 'ModifyVpcPeeringConnectionOptions',
  // VPN gateways, customer gateways, VPN connections, route propagation; carrier gateways
  'CreateVpnGateway', 'AttachVpnGateway', 'DetachVpnGateway', 'DeleteVpnGateway', 'DescribeVpnGateways',
  'EnableVgwRoutePropagation', 'DisableVgwRoutePropagation',
  'CreateCustomerGateway', 'DeleteCustomerGateway', 'DescribeCustomerGateways',
  'CreateVpnConnection', 'DeleteVpnConnection', 'DescribeVpnConnections', 'CreateVpnConnectionRoute', 'DeleteVpnConnectionRoute',
  'CreateCarrierGateway', 'DeleteCarrierGateway', 'DescribeCarrierGateways',
  // traffic mirroring
  'CreateTrafficMirrorTarget', 'DeleteTrafficMirrorTarget', 'DescribeTrafficMirrorTargets',
  'CreateTrafficMirrorFilter', 'DeleteTrafficMirrorFilter', 'DescribeTrafficMirrorFilters',
  'CreateTrafficMirrorFilterRule', 'ModifyTrafficMirrorFilterRule', 'DeleteTrafficMirrorFilterRule',
  'CreateTrafficMirrorSession', 'ModifyTrafficMirrorSession', 'DeleteTrafficMirrorSession', 'DescribeTrafficMirrorSessions',
  // fleets and spot
  'CreateFleet', 'DescribeFleets', 'DescribeFleetInstances', 'DescribeFleetHistory', 'ModifyFleet', 'DeleteFleets',
  'RequestSpotInstances', 'DescribeSpotInstanceRequests', 'CancelSpotInstanceRequests', 'DescribeSpotPriceHistory',
  'RequestSpotFleet', 'DescribeSpotFleetRequests', 'DescribeSpotFleetInstances', 'DescribeSpotFleetRequestHistory',
  'ModifySpotFleetRequest', 'CancelSpotFleetRequests',
  // Transit gateways
  'CreateTransitGateway', 'ModifyTransitGateway', 'DeleteTransitGateway', 'DescribeTransitGateways',
  'CreateTransitGatewayRouteTable', 'DeleteTransitGatewayRouteTable', 'DescribeTransitGatewayRouteTables',
  'AssociateTransitGatewayRouteTable', 'DisassociateTransitGatewayRouteTable',
  'EnableTransitGatewayRouteTablePropagation', 'DisableTransitGatewayRouteTablePropagation',
  'GetTransitGatewayRouteTableAssociations', 'GetTransitGatewayRouteTablePropagations',
  'CreateTransitGatewayRoute', 'DeleteTransitGatewayRoute', 'ReplaceTransitGatewayRoute', 'SearchTransitGatewayRoutes',
  'CreateTransitGatewayPrefixListReference', 'ModifyTransitGatewayPrefixListReference', 'DeleteTransitGatewayPrefixListReference',
  'GetTransitGatewayPrefixListReferences',
  'CreateTransitGatewayVpcAttachment', 'ModifyTransitGatewayVpcAttachment', 'DeleteTransitGatewayVpcAttachment',
  'DescribeTransitGatewayVpcAttachments', 'DescribeTransitGatewayAttachments',
  'CreateTransitGatewayPeeringAttachment', 'AcceptTransitGatewayPeeringAttachment', 'RejectTransitGatewayPeeringAttachment',
  'DeleteTransitGatewayPeeringAttachment', 'DescribeTransitGatewayPeeringAttachments',
  // managed prefix lists
  'CreateManagedPrefixList', 'ModifyManagedPrefixList', 'DeleteManagedPrefixList', 'DescribeManagedPrefixLists',
  'GetManagedPrefixListEntries', 'GetManagedPrefixListAssociations', 'RestoreManagedPrefixListVersion',
  'DescribePrefixLists',
  // VPC endpoints
  'CreateVpcEndpoint', 'ModifyVpcEndpoint', 'DeleteVpcEndpoints', 'DescribeVpcEndpoints', 'DescribeVpcEndpointServices',
  // VPC endpoint services (PrivateLink)
  'CreateVpcEndpointServiceConfiguration', 'DescribeVpcEndpointServiceConfigurations', 'ModifyVpcEndpointServiceConfiguration',
  'DeleteVpcEndpointServiceConfigurations', 'StartVpcEndpointServicePrivateDnsVerification',
  'DescribeVpcEndpointServicePermissions', 'ModifyVpcEndpointServicePermissions',
  'DescribeVpcEndpointConnections', 'AcceptVpcEndpointConnections', 'RejectVpcEndpointConnections',
  'CreateVpcEndpointConnectionNotification', 'DescribeVpcEndpointConnectionNotifications',
  'ModifyVpcEndpointConnectionNotification', 'DeleteVpcEndpointConnectionNotifications',
];
