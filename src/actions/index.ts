/**
 * The registry: every supported EC2 action, listed explicitly (the only list; nothing is found by reflection).
 * Adding an action: see the README's "How to add an action".
 */
import type { Action } from './define';

import DescribeAccountAttributes from './DescribeAccountAttributes';
import DescribeAvailabilityZones from './DescribeAvailabilityZones';
import DescribeRegions from './DescribeRegions';

import CreateVpc from './CreateVpc';
import DeleteVpc from './DeleteVpc';
import DescribeVpcAttribute from './DescribeVpcAttribute';
import DescribeVpcs from './DescribeVpcs';
import ModifyVpcAttribute from './ModifyVpcAttribute';

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

import CreateTags from './CreateTags';
import DeleteTags from './DeleteTags';
import DescribeTags from './DescribeTags';

export const ACTIONS: readonly Action[] = [
  DescribeAccountAttributes,
  DescribeAvailabilityZones,
  DescribeRegions,
  CreateVpc,
  DeleteVpc,
  DescribeVpcAttribute,
  DescribeVpcs,
  ModifyVpcAttribute,
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
  CreateTags,
  DeleteTags,
  DescribeTags,
];
