/**
 * The registry: every supported EC2 action, listed explicitly (nothing is found by reflection).
 * Adding an action: see the README's "How to add an action".
 */
import type { Action, OperationName } from './define';

import DescribeAccountAttributes from './DescribeAccountAttributes';
import DescribeAvailabilityZones from './DescribeAvailabilityZones';
import ModifyAvailabilityZoneGroup from './ModifyAvailabilityZoneGroup';
import DescribeRegions from './DescribeRegions';

import CreateVpc from './CreateVpc';
import DeleteVpc from './DeleteVpc';
import DescribeVpcAttribute from './DescribeVpcAttribute';
import DescribeVpcClassicLink from './DescribeVpcClassicLink';
import DescribeVpcClassicLinkDnsSupport from './DescribeVpcClassicLinkDnsSupport';
import DescribeVpcs from './DescribeVpcs';
import ModifyVpcAttribute from './ModifyVpcAttribute';
import ModifyVpcTenancy from './ModifyVpcTenancy';
import DescribeVpcBlockPublicAccessOptions from './DescribeVpcBlockPublicAccessOptions';
import ModifyVpcBlockPublicAccessOptions from './ModifyVpcBlockPublicAccessOptions';
import CreateFlowLogs from './CreateFlowLogs';
import AssociateIamInstanceProfile from './AssociateIamInstanceProfile';
import DescribeIamInstanceProfileAssociations from './DescribeIamInstanceProfileAssociations';
import DisassociateIamInstanceProfile from './DisassociateIamInstanceProfile';
import ReplaceIamInstanceProfileAssociation from './ReplaceIamInstanceProfileAssociation';
import DeleteFlowLogs from './DeleteFlowLogs';
import DescribeFlowLogs from './DescribeFlowLogs';
import CreateDefaultVpc from './CreateDefaultVpc';
import CreateDefaultSubnet from './CreateDefaultSubnet';
import AssociateVpcCidrBlock from './AssociateVpcCidrBlock';
import DisassociateVpcCidrBlock from './DisassociateVpcCidrBlock';

import CreateSubnet from './CreateSubnet';
import DeleteSubnet from './DeleteSubnet';
import DescribeSubnets from './DescribeSubnets';
import ModifySubnetAttribute from './ModifySubnetAttribute';
import AssociateSubnetCidrBlock from './AssociateSubnetCidrBlock';
import DisassociateSubnetCidrBlock from './DisassociateSubnetCidrBlock';

import AuthorizeSecurityGroupEgress from './AuthorizeSecurityGroupEgress';
import AuthorizeSecurityGroupIngress from './AuthorizeSecurityGroupIngress';
import CreateSecurityGroup from './CreateSecurityGroup';
import DeleteSecurityGroup from './DeleteSecurityGroup';
import DescribeSecurityGroupRules from './DescribeSecurityGroupRules';
import DescribeSecurityGroups from './DescribeSecurityGroups';
import RevokeSecurityGroupEgress from './RevokeSecurityGroupEgress';
import RevokeSecurityGroupIngress from './RevokeSecurityGroupIngress';
import ModifySecurityGroupRules from './ModifySecurityGroupRules';
import UpdateSecurityGroupRuleDescriptionsEgress from './UpdateSecurityGroupRuleDescriptionsEgress';
import UpdateSecurityGroupRuleDescriptionsIngress from './UpdateSecurityGroupRuleDescriptionsIngress';

import CreateTags from './CreateTags';
import DeleteTags from './DeleteTags';
import DescribeTags from './DescribeTags';

import DescribeInstanceAttribute from './DescribeInstanceAttribute';
import DescribeInstanceCreditSpecifications from './DescribeInstanceCreditSpecifications';
import DescribeInstances from './DescribeInstances';
import DescribeInstanceStatus from './DescribeInstanceStatus';
import ModifyInstanceAttribute from './ModifyInstanceAttribute';
import ModifyInstanceMetadataOptions from './ModifyInstanceMetadataOptions';
import RebootInstances from './RebootInstances';
import MonitorInstances from './MonitorInstances';
import UnmonitorInstances from './UnmonitorInstances';
import ModifyInstanceCpuOptions from './ModifyInstanceCpuOptions';
import ResetInstanceAttribute from './ResetInstanceAttribute';
import GetInstanceUefiData from './GetInstanceUefiData';
import ModifyEbsDefaultKmsKeyId from './ModifyEbsDefaultKmsKeyId';
import ResetEbsDefaultKmsKeyId from './ResetEbsDefaultKmsKeyId';
import GetDefaultCreditSpecification from './GetDefaultCreditSpecification';
import ModifyDefaultCreditSpecification from './ModifyDefaultCreditSpecification';
import ModifyInstanceMaintenanceOptions from './ModifyInstanceMaintenanceOptions';
import ModifyPrivateDnsNameOptions from './ModifyPrivateDnsNameOptions';
import ModifyInstanceCapacityReservationAttributes from './ModifyInstanceCapacityReservationAttributes';
import GetSnapshotBlockPublicAccessState from './GetSnapshotBlockPublicAccessState';
import EnableSnapshotBlockPublicAccess from './EnableSnapshotBlockPublicAccess';
import DisableSnapshotBlockPublicAccess from './DisableSnapshotBlockPublicAccess';
import GetImageBlockPublicAccessState from './GetImageBlockPublicAccessState';
import EnableImageBlockPublicAccess from './EnableImageBlockPublicAccess';
import DisableImageBlockPublicAccess from './DisableImageBlockPublicAccess';
import GetSerialConsoleAccessStatus from './GetSerialConsoleAccessStatus';
import EnableSerialConsoleAccess from './EnableSerialConsoleAccess';
import DisableSerialConsoleAccess from './DisableSerialConsoleAccess';
import GetInstanceMetadataDefaults from './GetInstanceMetadataDefaults';
import ModifyInstanceMetadataDefaults from './ModifyInstanceMetadataDefaults';
import RunInstances from './RunInstances';
import StartInstances from './StartInstances';
import StopInstances from './StopInstances';
import TerminateInstances from './TerminateInstances';

import DescribeInstanceTypeOfferings from './DescribeInstanceTypeOfferings';
import DescribeInstanceTypes from './DescribeInstanceTypes';
import ModifyInstanceTypeAttribute from './ModifyInstanceTypeAttribute';
import DescribeImages from './DescribeImages';
import CreateImage from './CreateImage';
import RegisterImage from './RegisterImage';
import CopyImage from './CopyImage';
import DeregisterImage from './DeregisterImage';
import EnableImageDeprecation from './EnableImageDeprecation';
import DisableImageDeprecation from './DisableImageDeprecation';
import EnableImageDeregistrationProtection from './EnableImageDeregistrationProtection';
import DisableImageDeregistrationProtection from './DisableImageDeregistrationProtection';
import DescribeImageAttribute from './DescribeImageAttribute';
import ModifyImageAttribute from './ModifyImageAttribute';
import ResetImageAttribute from './ResetImageAttribute';
import CreateKeyPair from './CreateKeyPair';
import DeleteKeyPair from './DeleteKeyPair';
import DescribeKeyPairs from './DescribeKeyPairs';
import ImportKeyPair from './ImportKeyPair';
// launch templates
import CreateLaunchTemplate from './CreateLaunchTemplate';
import CreateLaunchTemplateVersion from './CreateLaunchTemplateVersion';
import ModifyLaunchTemplate from './ModifyLaunchTemplate';
import DeleteLaunchTemplate from './DeleteLaunchTemplate';
import DeleteLaunchTemplateVersions from './DeleteLaunchTemplateVersions';
import DescribeLaunchTemplates from './DescribeLaunchTemplates';
import DescribeLaunchTemplateVersions from './DescribeLaunchTemplateVersions';
import GetLaunchTemplateData from './GetLaunchTemplateData';

import AssignPrivateIpAddresses from './AssignPrivateIpAddresses';
import AttachNetworkInterface from './AttachNetworkInterface';
import CreateNetworkInterface from './CreateNetworkInterface';
import CreateNetworkInterfacePermission from './CreateNetworkInterfacePermission';
import DeleteNetworkInterface from './DeleteNetworkInterface';
import DeleteNetworkInterfacePermission from './DeleteNetworkInterfacePermission';
import DescribeNetworkInterfaceAttribute from './DescribeNetworkInterfaceAttribute';
import DescribeNetworkInterfacePermissions from './DescribeNetworkInterfacePermissions';
import DescribeNetworkInterfaces from './DescribeNetworkInterfaces';
import DetachNetworkInterface from './DetachNetworkInterface';
import ModifyNetworkInterfaceAttribute from './ModifyNetworkInterfaceAttribute';
import ResetNetworkInterfaceAttribute from './ResetNetworkInterfaceAttribute';
import UnassignPrivateIpAddresses from './UnassignPrivateIpAddresses';
import AssignIpv6Addresses from './AssignIpv6Addresses';
import UnassignIpv6Addresses from './UnassignIpv6Addresses';

import CreateRoute from './CreateRoute';
import CreateRouteTable from './CreateRouteTable';
import DeleteRoute from './DeleteRoute';
import DeleteRouteTable from './DeleteRouteTable';
import DescribeRouteTables from './DescribeRouteTables';
import ReplaceRoute from './ReplaceRoute';
import AssociateRouteTable from './AssociateRouteTable';
import DisassociateRouteTable from './DisassociateRouteTable';
import ReplaceRouteTableAssociation from './ReplaceRouteTableAssociation';

import AttachInternetGateway from './AttachInternetGateway';
import CreateInternetGateway from './CreateInternetGateway';
import DeleteInternetGateway from './DeleteInternetGateway';
import DescribeInternetGateways from './DescribeInternetGateways';
import DetachInternetGateway from './DetachInternetGateway';
import CreateEgressOnlyInternetGateway from './CreateEgressOnlyInternetGateway';
import DeleteEgressOnlyInternetGateway from './DeleteEgressOnlyInternetGateway';
import DescribeEgressOnlyInternetGateways from './DescribeEgressOnlyInternetGateways';
import CreateNatGateway from './CreateNatGateway';
import DeleteNatGateway from './DeleteNatGateway';
import DescribeNatGateways from './DescribeNatGateways';
import CreateVpcPeeringConnection from './CreateVpcPeeringConnection';
import AcceptVpcPeeringConnection from './AcceptVpcPeeringConnection';
import RejectVpcPeeringConnection from './RejectVpcPeeringConnection';
import DeleteVpcPeeringConnection from './DeleteVpcPeeringConnection';
import DescribeVpcPeeringConnections from './DescribeVpcPeeringConnections';
import ModifyVpcPeeringConnectionOptions from './ModifyVpcPeeringConnectionOptions';
import CreateVpnGateway from './CreateVpnGateway';
import AttachVpnGateway from './AttachVpnGateway';
import DetachVpnGateway from './DetachVpnGateway';
import DeleteVpnGateway from './DeleteVpnGateway';
import DescribeVpnGateways from './DescribeVpnGateways';
import EnableVgwRoutePropagation from './EnableVgwRoutePropagation';
import DisableVgwRoutePropagation from './DisableVgwRoutePropagation';
import CreateCustomerGateway from './CreateCustomerGateway';
import DeleteCustomerGateway from './DeleteCustomerGateway';
import DescribeCustomerGateways from './DescribeCustomerGateways';
import CreateVpnConnection from './CreateVpnConnection';
import DeleteVpnConnection from './DeleteVpnConnection';
import DescribeVpnConnections from './DescribeVpnConnections';
import CreateVpnConnectionRoute from './CreateVpnConnectionRoute';
import DeleteVpnConnectionRoute from './DeleteVpnConnectionRoute';
import CreateCarrierGateway from './CreateCarrierGateway';
import DeleteCarrierGateway from './DeleteCarrierGateway';
import DescribeCarrierGateways from './DescribeCarrierGateways';
import CreateTrafficMirrorTarget from './CreateTrafficMirrorTarget';
import DeleteTrafficMirrorTarget from './DeleteTrafficMirrorTarget';
import DescribeTrafficMirrorTargets from './DescribeTrafficMirrorTargets';
import CreateTrafficMirrorFilter from './CreateTrafficMirrorFilter';
import DeleteTrafficMirrorFilter from './DeleteTrafficMirrorFilter';
import DescribeTrafficMirrorFilters from './DescribeTrafficMirrorFilters';
import CreateTrafficMirrorFilterRule from './CreateTrafficMirrorFilterRule';
import ModifyTrafficMirrorFilterRule from './ModifyTrafficMirrorFilterRule';
import DeleteTrafficMirrorFilterRule from './DeleteTrafficMirrorFilterRule';
import CreateTrafficMirrorSession from './CreateTrafficMirrorSession';
import ModifyTrafficMirrorSession from './ModifyTrafficMirrorSession';
import DeleteTrafficMirrorSession from './DeleteTrafficMirrorSession';
import DescribeTrafficMirrorSessions from './DescribeTrafficMirrorSessions';
import CreateFleet from './CreateFleet';
import DescribeFleets from './DescribeFleets';
import DescribeFleetInstances from './DescribeFleetInstances';
import DescribeFleetHistory from './DescribeFleetHistory';
import ModifyFleet from './ModifyFleet';
import DeleteFleets from './DeleteFleets';
import RequestSpotInstances from './RequestSpotInstances';
import RequestSpotFleet from './RequestSpotFleet';
import DescribeSpotFleetRequests from './DescribeSpotFleetRequests';
import DescribeSpotFleetInstances from './DescribeSpotFleetInstances';
import DescribeSpotFleetRequestHistory from './DescribeSpotFleetRequestHistory';
import ModifySpotFleetRequest from './ModifySpotFleetRequest';
import CancelSpotFleetRequests from './CancelSpotFleetRequests';
import DescribeSpotInstanceRequests from './DescribeSpotInstanceRequests';
import CancelSpotInstanceRequests from './CancelSpotInstanceRequests';
import DescribeSpotPriceHistory from './DescribeSpotPriceHistory';
import CreateTransitGateway from './CreateTransitGateway';
import ModifyTransitGateway from './ModifyTransitGateway';
import DeleteTransitGateway from './DeleteTransitGateway';
import DescribeTransitGateways from './DescribeTransitGateways';
import CreateTransitGatewayRouteTable from './CreateTransitGatewayRouteTable';
import DeleteTransitGatewayRouteTable from './DeleteTransitGatewayRouteTable';
import DescribeTransitGatewayRouteTables from './DescribeTransitGatewayRouteTables';
import AssociateTransitGatewayRouteTable from './AssociateTransitGatewayRouteTable';
import DisassociateTransitGatewayRouteTable from './DisassociateTransitGatewayRouteTable';
import EnableTransitGatewayRouteTablePropagation from './EnableTransitGatewayRouteTablePropagation';
import DisableTransitGatewayRouteTablePropagation from './DisableTransitGatewayRouteTablePropagation';
import GetTransitGatewayRouteTableAssociations from './GetTransitGatewayRouteTableAssociations';
import GetTransitGatewayRouteTablePropagations from './GetTransitGatewayRouteTablePropagations';
import CreateTransitGatewayRoute from './CreateTransitGatewayRoute';
import DeleteTransitGatewayRoute from './DeleteTransitGatewayRoute';
import ReplaceTransitGatewayRoute from './ReplaceTransitGatewayRoute';
import SearchTransitGatewayRoutes from './SearchTransitGatewayRoutes';
import CreateTransitGatewayPrefixListReference from './CreateTransitGatewayPrefixListReference';
import ModifyTransitGatewayPrefixListReference from './ModifyTransitGatewayPrefixListReference';
import DeleteTransitGatewayPrefixListReference from './DeleteTransitGatewayPrefixListReference';
import GetTransitGatewayPrefixListReferences from './GetTransitGatewayPrefixListReferences';
import CreateTransitGatewayVpcAttachment from './CreateTransitGatewayVpcAttachment';
import ModifyTransitGatewayVpcAttachment from './ModifyTransitGatewayVpcAttachment';
import DeleteTransitGatewayVpcAttachment from './DeleteTransitGatewayVpcAttachment';
import DescribeTransitGatewayVpcAttachments from './DescribeTransitGatewayVpcAttachments';
import DescribeTransitGatewayAttachments from './DescribeTransitGatewayAttachments';
import CreateTransitGatewayPeeringAttachment from './CreateTransitGatewayPeeringAttachment';
import AcceptTransitGatewayPeeringAttachment from './AcceptTransitGatewayPeeringAttachment';
import RejectTransitGatewayPeeringAttachment from './RejectTransitGatewayPeeringAttachment';
import DeleteTransitGatewayPeeringAttachment from './DeleteTransitGatewayPeeringAttachment';
import DescribeTransitGatewayPeeringAttachments from './DescribeTransitGatewayPeeringAttachments';
import ModifyInstanceCreditSpecification from './ModifyInstanceCreditSpecification';
import GetConsoleOutput from './GetConsoleOutput';
import GetConsoleScreenshot from './GetConsoleScreenshot';
import GetPasswordData from './GetPasswordData';
import CreatePlacementGroup from './CreatePlacementGroup';
import DeletePlacementGroup from './DeletePlacementGroup';
import DescribePlacementGroups from './DescribePlacementGroups';
import CreateInstanceConnectEndpoint from './CreateInstanceConnectEndpoint';
import DescribeInstanceConnectEndpoints from './DescribeInstanceConnectEndpoints';
import DeleteInstanceConnectEndpoint from './DeleteInstanceConnectEndpoint';
import CreateCapacityReservation from './CreateCapacityReservation';
import DescribeReservedInstancesOfferings from './DescribeReservedInstancesOfferings';
import DescribeReservedInstances from './DescribeReservedInstances';
import DescribeCapacityReservations from './DescribeCapacityReservations';
import ModifyCapacityReservation from './ModifyCapacityReservation';
import CancelCapacityReservation from './CancelCapacityReservation';
import GetCapacityReservationUsage from './GetCapacityReservationUsage';
import AllocateHosts from './AllocateHosts';
import DescribeHosts from './DescribeHosts';
import ModifyHosts from './ModifyHosts';
import ReleaseHosts from './ReleaseHosts';
import CreateManagedPrefixList from './CreateManagedPrefixList';
import ModifyManagedPrefixList from './ModifyManagedPrefixList';
import DeleteManagedPrefixList from './DeleteManagedPrefixList';
import DescribeManagedPrefixLists from './DescribeManagedPrefixLists';
import DescribePrefixLists from './DescribePrefixLists';
import GetManagedPrefixListEntries from './GetManagedPrefixListEntries';
import GetManagedPrefixListAssociations from './GetManagedPrefixListAssociations';
import RestoreManagedPrefixListVersion from './RestoreManagedPrefixListVersion';
import CreateVpcEndpoint from './CreateVpcEndpoint';
import ModifyVpcEndpoint from './ModifyVpcEndpoint';
import DeleteVpcEndpoints from './DeleteVpcEndpoints';
import DescribeVpcEndpoints from './DescribeVpcEndpoints';
import DescribeVpcEndpointServices from './DescribeVpcEndpointServices';
import CreateVpcEndpointServiceConfiguration from './CreateVpcEndpointServiceConfiguration';
import DescribeVpcEndpointServiceConfigurations from './DescribeVpcEndpointServiceConfigurations';
import ModifyVpcEndpointServiceConfiguration from './ModifyVpcEndpointServiceConfiguration';
import DeleteVpcEndpointServiceConfigurations from './DeleteVpcEndpointServiceConfigurations';
import StartVpcEndpointServicePrivateDnsVerification from './StartVpcEndpointServicePrivateDnsVerification';
import DescribeVpcEndpointServicePermissions from './DescribeVpcEndpointServicePermissions';
import ModifyVpcEndpointServicePermissions from './ModifyVpcEndpointServicePermissions';
import DescribeVpcEndpointConnections from './DescribeVpcEndpointConnections';
import AcceptVpcEndpointConnections from './AcceptVpcEndpointConnections';
import RejectVpcEndpointConnections from './RejectVpcEndpointConnections';
import CreateVpcEndpointConnectionNotification from './CreateVpcEndpointConnectionNotification';
import DescribeVpcEndpointConnectionNotifications from './DescribeVpcEndpointConnectionNotifications';
import ModifyVpcEndpointConnectionNotification from './ModifyVpcEndpointConnectionNotification';
import DeleteVpcEndpointConnectionNotifications from './DeleteVpcEndpointConnectionNotifications';

import AllocateAddress from './AllocateAddress';
import AssociateAddress from './AssociateAddress';
import DescribeAddresses from './DescribeAddresses';
import DisassociateAddress from './DisassociateAddress';
import ReleaseAddress from './ReleaseAddress';
import DescribeAddressesAttribute from './DescribeAddressesAttribute';
import ModifyAddressAttribute from './ModifyAddressAttribute';
import ResetAddressAttribute from './ResetAddressAttribute';

import CreateNetworkAcl from './CreateNetworkAcl';
import CreateSubnetCidrReservation from './CreateSubnetCidrReservation';
import DeleteSubnetCidrReservation from './DeleteSubnetCidrReservation';
import GetSubnetCidrReservations from './GetSubnetCidrReservations';
import CreateNetworkAclEntry from './CreateNetworkAclEntry';
import DeleteNetworkAcl from './DeleteNetworkAcl';
import DeleteNetworkAclEntry from './DeleteNetworkAclEntry';
import DescribeNetworkAcls from './DescribeNetworkAcls';
import ReplaceNetworkAclAssociation from './ReplaceNetworkAclAssociation';
import ReplaceNetworkAclEntry from './ReplaceNetworkAclEntry';

import AssociateDhcpOptions from './AssociateDhcpOptions';
import CreateDhcpOptions from './CreateDhcpOptions';
import DeleteDhcpOptions from './DeleteDhcpOptions';
import DescribeDhcpOptions from './DescribeDhcpOptions';

import CreateVolume from './CreateVolume';
import DeleteVolume from './DeleteVolume';
import DescribeVolumes from './DescribeVolumes';
import AttachVolume from './AttachVolume';
import DetachVolume from './DetachVolume';
import ModifyVolume from './ModifyVolume';
import DescribeVolumesModifications from './DescribeVolumesModifications';
import DescribeVolumeStatus from './DescribeVolumeStatus';
import DescribeVolumeAttribute from './DescribeVolumeAttribute';
import ModifyVolumeAttribute from './ModifyVolumeAttribute';
import CreateSnapshot from './CreateSnapshot';
import CreateSnapshots from './CreateSnapshots';
import CopySnapshot from './CopySnapshot';
import DeleteSnapshot from './DeleteSnapshot';
import DescribeSnapshots from './DescribeSnapshots';
import DescribeSnapshotAttribute from './DescribeSnapshotAttribute';
import ModifySnapshotAttribute from './ModifySnapshotAttribute';
import ResetSnapshotAttribute from './ResetSnapshotAttribute';
import ModifySnapshotTier from './ModifySnapshotTier';
import RestoreSnapshotTier from './RestoreSnapshotTier';
import DescribeSnapshotTierStatus from './DescribeSnapshotTierStatus';
import GetEbsEncryptionByDefault from './GetEbsEncryptionByDefault';
import EnableEbsEncryptionByDefault from './EnableEbsEncryptionByDefault';
import DisableEbsEncryptionByDefault from './DisableEbsEncryptionByDefault';
import GetEbsDefaultKmsKeyId from './GetEbsDefaultKmsKeyId';

/**
 * Every operation of the model with its action. The compiler checks the keys against the model's operations
 * (`keyof Operations`, generated from src/protocol/model/operations.ts) both ways, and that each action is the one
 * for its key: an operation added to the model without an action, or an action for an operation the model lacks,
 * does not compile.
 */
export const REGISTRY = {
  DescribeAccountAttributes,
  DescribeAvailabilityZones,
  ModifyAvailabilityZoneGroup,
  DescribeRegions,
  CreateVpc,
  DeleteVpc,
  DescribeVpcAttribute,
  DescribeVpcClassicLink,
  DescribeVpcClassicLinkDnsSupport,
  DescribeVpcs,
  ModifyVpcAttribute,
  ModifyVpcTenancy,
  DescribeVpcBlockPublicAccessOptions,
  ModifyVpcBlockPublicAccessOptions,
  CreateFlowLogs,
  AssociateIamInstanceProfile,
  DescribeIamInstanceProfileAssociations,
  DisassociateIamInstanceProfile,
  ReplaceIamInstanceProfileAssociation,
  DeleteFlowLogs,
  DescribeFlowLogs,
  CreateDefaultVpc,
  CreateDefaultSubnet,
  AssociateVpcCidrBlock,
  DisassociateVpcCidrBlock,
  CreateSubnet,
  DeleteSubnet,
  DescribeSubnets,
  ModifySubnetAttribute,
  AssociateSubnetCidrBlock,
  DisassociateSubnetCidrBlock,
  AuthorizeSecurityGroupEgress,
  AuthorizeSecurityGroupIngress,
  CreateSecurityGroup,
  DeleteSecurityGroup,
  DescribeSecurityGroupRules,
  DescribeSecurityGroups,
  RevokeSecurityGroupEgress,
  RevokeSecurityGroupIngress,
  ModifySecurityGroupRules,
  UpdateSecurityGroupRuleDescriptionsIngress,
  UpdateSecurityGroupRuleDescriptionsEgress,
  CreateTags,
  DeleteTags,
  DescribeTags,
  DescribeInstanceAttribute,
  DescribeInstanceCreditSpecifications,
  DescribeInstances,
  DescribeInstanceStatus,
  ModifyInstanceAttribute,
  ModifyInstanceMetadataOptions,
  RebootInstances,
  MonitorInstances,
  UnmonitorInstances,
  ModifyInstanceCpuOptions,
  ResetInstanceAttribute,
  GetInstanceUefiData,
  ModifyEbsDefaultKmsKeyId,
  ResetEbsDefaultKmsKeyId,
  GetDefaultCreditSpecification,
  ModifyDefaultCreditSpecification,
  ModifyInstanceMaintenanceOptions,
  ModifyPrivateDnsNameOptions,
  ModifyInstanceCapacityReservationAttributes,
  GetSnapshotBlockPublicAccessState,
  EnableSnapshotBlockPublicAccess,
  DisableSnapshotBlockPublicAccess,
  GetImageBlockPublicAccessState,
  EnableImageBlockPublicAccess,
  DisableImageBlockPublicAccess,
  GetSerialConsoleAccessStatus,
  EnableSerialConsoleAccess,
  DisableSerialConsoleAccess,
  GetInstanceMetadataDefaults,
  ModifyInstanceMetadataDefaults,
  RunInstances,
  StartInstances,
  StopInstances,
  TerminateInstances,
  DescribeInstanceTypeOfferings,
  DescribeInstanceTypes,
  ModifyInstanceTypeAttribute,
  DescribeImages,
  CreateKeyPair,
  DeleteKeyPair,
  DescribeKeyPairs,
  ImportKeyPair,
  CreateLaunchTemplate,
  CreateLaunchTemplateVersion,
  ModifyLaunchTemplate,
  DeleteLaunchTemplate,
  DeleteLaunchTemplateVersions,
  DescribeLaunchTemplates,
  DescribeLaunchTemplateVersions,
  GetLaunchTemplateData,
  AssignPrivateIpAddresses,
  AttachNetworkInterface,
  CreateNetworkInterface,
  CreateNetworkInterfacePermission,
  DeleteNetworkInterface,
  DeleteNetworkInterfacePermission,
  DescribeNetworkInterfaceAttribute,
  DescribeNetworkInterfacePermissions,
  DescribeNetworkInterfaces,
  DetachNetworkInterface,
  ModifyNetworkInterfaceAttribute,
  ResetNetworkInterfaceAttribute,
  UnassignPrivateIpAddresses,
  AssignIpv6Addresses,
  UnassignIpv6Addresses,
  CreateRoute,
  CreateRouteTable,
  DeleteRoute,
  DeleteRouteTable,
  DescribeRouteTables,
  ReplaceRoute,
  AssociateRouteTable,
  DisassociateRouteTable,
  ReplaceRouteTableAssociation,
  AttachInternetGateway,
  CreateInternetGateway,
  DeleteInternetGateway,
  DescribeInternetGateways,
  CreateNatGateway,
  DeleteNatGateway,
  DescribeNatGateways,
  CreateVpcPeeringConnection,
  AcceptVpcPeeringConnection,
  RejectVpcPeeringConnection,
  DeleteVpcPeeringConnection,
  DescribeVpcPeeringConnections,
  ModifyVpcPeeringConnectionOptions,
  CreateVpnGateway,
  AttachVpnGateway,
  DetachVpnGateway,
  DeleteVpnGateway,
  DescribeVpnGateways,
  EnableVgwRoutePropagation,
  DisableVgwRoutePropagation,
  CreateCustomerGateway,
  DeleteCustomerGateway,
  DescribeCustomerGateways,
  CreateVpnConnection,
  DeleteVpnConnection,
  DescribeVpnConnections,
  CreateVpnConnectionRoute,
  DeleteVpnConnectionRoute,
  CreateCarrierGateway,
  DeleteCarrierGateway,
  DescribeCarrierGateways,
  CreateTrafficMirrorTarget,
  DeleteTrafficMirrorTarget,
  DescribeTrafficMirrorTargets,
  CreateTrafficMirrorFilter,
  DeleteTrafficMirrorFilter,
  DescribeTrafficMirrorFilters,
  CreateTrafficMirrorFilterRule,
  ModifyTrafficMirrorFilterRule,
  DeleteTrafficMirrorFilterRule,
  CreateTrafficMirrorSession,
  ModifyTrafficMirrorSession,
  DeleteTrafficMirrorSession,
  DescribeTrafficMirrorSessions,
  CreateFleet,
  DescribeFleets,
  DescribeFleetInstances,
  DescribeFleetHistory,
  ModifyFleet,
  DeleteFleets,
  RequestSpotInstances,
  RequestSpotFleet,
  DescribeSpotFleetRequests,
  DescribeSpotFleetInstances,
  DescribeSpotFleetRequestHistory,
  ModifySpotFleetRequest,
  CancelSpotFleetRequests,
  DescribeSpotInstanceRequests,
  CancelSpotInstanceRequests,
  DescribeSpotPriceHistory,
  CreateTransitGateway,
  ModifyTransitGateway,
  DeleteTransitGateway,
  DescribeTransitGateways,
  CreateTransitGatewayRouteTable,
  DeleteTransitGatewayRouteTable,
  DescribeTransitGatewayRouteTables,
  AssociateTransitGatewayRouteTable,
  DisassociateTransitGatewayRouteTable,
  EnableTransitGatewayRouteTablePropagation,
  DisableTransitGatewayRouteTablePropagation,
  GetTransitGatewayRouteTableAssociations,
  GetTransitGatewayRouteTablePropagations,
  CreateTransitGatewayRoute,
  DeleteTransitGatewayRoute,
  ReplaceTransitGatewayRoute,
  SearchTransitGatewayRoutes,
  CreateTransitGatewayPrefixListReference,
  ModifyTransitGatewayPrefixListReference,
  DeleteTransitGatewayPrefixListReference,
  GetTransitGatewayPrefixListReferences,
  CreateTransitGatewayVpcAttachment,
  ModifyTransitGatewayVpcAttachment,
  DeleteTransitGatewayVpcAttachment,
  DescribeTransitGatewayVpcAttachments,
  DescribeTransitGatewayAttachments,
  CreateTransitGatewayPeeringAttachment,
  AcceptTransitGatewayPeeringAttachment,
  RejectTransitGatewayPeeringAttachment,
  DeleteTransitGatewayPeeringAttachment,
  DescribeTransitGatewayPeeringAttachments,
  ModifyInstanceCreditSpecification,
  GetConsoleOutput,
  GetConsoleScreenshot,
  GetPasswordData,
  CreatePlacementGroup,
  DeletePlacementGroup,
  DescribePlacementGroups,
  CreateInstanceConnectEndpoint,
  DescribeInstanceConnectEndpoints,
  DeleteInstanceConnectEndpoint,
  CreateCapacityReservation,
  DescribeReservedInstancesOfferings,
  DescribeReservedInstances,
  DescribeCapacityReservations,
  ModifyCapacityReservation,
  CancelCapacityReservation,
  GetCapacityReservationUsage,
  AllocateHosts,
  DescribeHosts,
  ModifyHosts,
  ReleaseHosts,
  CreateManagedPrefixList,
  ModifyManagedPrefixList,
  DeleteManagedPrefixList,
  DescribeManagedPrefixLists,
  DescribePrefixLists,
  GetManagedPrefixListEntries,
  GetManagedPrefixListAssociations,
  RestoreManagedPrefixListVersion,
  CreateVpcEndpoint,
  ModifyVpcEndpoint,
  DeleteVpcEndpoints,
  DescribeVpcEndpoints,
  DescribeVpcEndpointServices,
  CreateVpcEndpointServiceConfiguration,
  DescribeVpcEndpointServiceConfigurations,
  ModifyVpcEndpointServiceConfiguration,
  DeleteVpcEndpointServiceConfigurations,
  StartVpcEndpointServicePrivateDnsVerification,
  DescribeVpcEndpointServicePermissions,
  ModifyVpcEndpointServicePermissions,
  DescribeVpcEndpointConnections,
  AcceptVpcEndpointConnections,
  RejectVpcEndpointConnections,
  CreateVpcEndpointConnectionNotification,
  DescribeVpcEndpointConnectionNotifications,
  ModifyVpcEndpointConnectionNotification,
  DeleteVpcEndpointConnectionNotifications,
  DetachInternetGateway,
  CreateEgressOnlyInternetGateway,
  DeleteEgressOnlyInternetGateway,
  DescribeEgressOnlyInternetGateways,
  AllocateAddress,
  AssociateAddress,
  DescribeAddresses,
  DisassociateAddress,
  ReleaseAddress,
  DescribeAddressesAttribute,
  ModifyAddressAttribute,
  ResetAddressAttribute,
  CreateNetworkAcl,
  CreateSubnetCidrReservation,
  DeleteSubnetCidrReservation,
  GetSubnetCidrReservations,
  CreateNetworkAclEntry,
  DeleteNetworkAcl,
  DeleteNetworkAclEntry,
  DescribeNetworkAcls,
  ReplaceNetworkAclAssociation,
  ReplaceNetworkAclEntry,
  AssociateDhcpOptions,
  CreateDhcpOptions,
  DeleteDhcpOptions,
  DescribeDhcpOptions,
  CreateVolume,
  DeleteVolume,
  DescribeVolumes,
  AttachVolume,
  DetachVolume,
  ModifyVolume,
  DescribeVolumesModifications,
  DescribeVolumeStatus,
  DescribeVolumeAttribute,
  ModifyVolumeAttribute,
  CreateSnapshot,
  CreateSnapshots,
  CopySnapshot,
  DeleteSnapshot,
  DescribeSnapshots,
  DescribeSnapshotAttribute,
  ModifySnapshotAttribute,
  ResetSnapshotAttribute,
  ModifySnapshotTier,
  RestoreSnapshotTier,
  DescribeSnapshotTierStatus,
  GetEbsEncryptionByDefault,
  EnableEbsEncryptionByDefault,
  DisableEbsEncryptionByDefault,
  GetEbsDefaultKmsKeyId,
  CreateImage,
  RegisterImage,
  CopyImage,
  DeregisterImage,
  EnableImageDeprecation,
  DisableImageDeprecation,
  EnableImageDeregistrationProtection,
  DisableImageDeregistrationProtection,
  DescribeImageAttribute,
  ModifyImageAttribute,
  ResetImageAttribute,
} satisfies { [K in OperationName]: Action<K> };

export const ACTIONS: readonly Action[] = Object.values(REGISTRY);
