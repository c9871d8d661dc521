/**
 * The registry: every supported EC2 action, listed explicitly (nothing is found by reflection).
 * Adding an action: see the README's "How to add an action".
 */
import type { Action, OperationName } from './define';

import DescribeAccountAttributes from './DescribeAccountAttributes';
import DescribeAvailabilityZones from './DescribeAvailabilityZones';
import DescribeRegions from './DescribeRegions';

import CreateVpc from './CreateVpc';
import DeleteVpc from './DeleteVpc';
import DescribeVpcAttribute from './DescribeVpcAttribute';
import DescribeVpcClassicLink from './DescribeVpcClassicLink';
import DescribeVpcClassicLinkDnsSupport from './DescribeVpcClassicLinkDnsSupport';
import DescribeVpcs from './DescribeVpcs';
import ModifyVpcAttribute from './ModifyVpcAttribute';
import ModifyVpcTenancy from './ModifyVpcTenancy';
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
import RunInstances from './RunInstances';
import StartInstances from './StartInstances';
import StopInstances from './StopInstances';
import TerminateInstances from './TerminateInstances';

import DescribeInstanceTypeOfferings from './DescribeInstanceTypeOfferings';
import DescribeInstanceTypes from './DescribeInstanceTypes';
import ModifyInstanceTypeAttribute from './ModifyInstanceTypeAttribute';
import DescribeImages from './DescribeImages';
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
  DescribeRegions,
  CreateVpc,
  DeleteVpc,
  DescribeVpcAttribute,
  DescribeVpcClassicLink,
  DescribeVpcClassicLinkDnsSupport,
  DescribeVpcs,
  ModifyVpcAttribute,
  ModifyVpcTenancy,
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
  GetEbsEncryptionByDefault,
  EnableEbsEncryptionByDefault,
  DisableEbsEncryptionByDefault,
  GetEbsDefaultKmsKeyId,
} satisfies { [K in OperationName]: Action<K> };

export const ACTIONS: readonly Action[] = Object.values(REGISTRY);
