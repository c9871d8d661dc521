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

import CreateSubnet from './CreateSubnet';
import DeleteSubnet from './DeleteSubnet';
import DescribeSubnets from './DescribeSubnets';
import ModifySubnetAttribute from './ModifySubnetAttribute';

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
import CreateNatGateway from './CreateNatGateway';
import DeleteNatGateway from './DeleteNatGateway';
import DescribeNatGateways from './DescribeNatGateways';

import AllocateAddress from './AllocateAddress';
import AssociateAddress from './AssociateAddress';
import DescribeAddresses from './DescribeAddresses';
import DisassociateAddress from './DisassociateAddress';
import ReleaseAddress from './ReleaseAddress';

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
  CreateSubnet,
  DeleteSubnet,
  DescribeSubnets,
  ModifySubnetAttribute,
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
  AllocateAddress,
  AssociateAddress,
  DescribeAddresses,
  DisassociateAddress,
  ReleaseAddress,
} satisfies { [K in OperationName]: Action<K> };

export const ACTIONS: readonly Action[] = Object.values(REGISTRY);
