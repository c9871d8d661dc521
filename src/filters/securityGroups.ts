/** The filters of DescribeSecurityGroups and DescribeSecurityGroupRules, over the API objects. */
import type { IpPermission, SecurityGroup, SecurityGroupRule } from '../protocol/model/types.generated';
import type { FilterSpec } from './engine';

type Perms = (g: SecurityGroup) => IpPermission[] | undefined;

/** ip-permission.* and egress.ip-permission.* over one direction's permissions. */
function permissionFilters(prefix: string, perms: Perms): FilterSpec<SecurityGroup>['fields'] {
  const each = <T>(g: SecurityGroup, f: (p: IpPermission) => T | T[] | undefined) =>
    (perms(g) ?? []).flatMap((p) => {
      const v = f(p);
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    });
  return {
    [`${prefix}cidr`]: { get: (g) => each(g, (p) => p.IpRanges?.map((r) => r.CidrIp)) as string[] },
    [`${prefix}from-port`]: { get: (g) => each(g, (p) => p.FromPort) as number[] },
    [`${prefix}to-port`]: { get: (g) => each(g, (p) => p.ToPort) as number[] },
    [`${prefix}protocol`]: { get: (g) => each(g, (p) => p.IpProtocol) as string[] },
    [`${prefix}group-id`]: { get: (g) => each(g, (p) => p.UserIdGroupPairs?.map((u) => u.GroupId)) as string[] },
    [`${prefix}group-name`]: { get: (g) => each(g, (p) => p.UserIdGroupPairs?.map((u) => u.GroupName)) as string[] },
    [`${prefix}ipv6-cidr`]: { get: (g) => each(g, (p) => p.Ipv6Ranges?.map((r) => r.CidrIpv6)) as string[] },
    [`${prefix}prefix-list-id`]: { get: (g) => each(g, (p) => p.PrefixListIds?.map((r) => r.PrefixListId)) as string[] },
    [`${prefix}user-id`]: { get: (g) => each(g, (p) => p.UserIdGroupPairs?.map((u) => u.UserId)) as string[] },
  };
}

export const securityGroupFilters: FilterSpec<SecurityGroup> = {
  idSql: 'g.id',
  tags: (g) => g.Tags,
  fields: {
    description: { get: (g) => g.Description, sql: 'g.description' },
    'group-id': { get: (g) => g.GroupId, sql: 'g.id' },
    'group-name': { get: (g) => g.GroupName, sql: 'g.name' },
    'owner-id': { get: (g) => g.OwnerId, sql: 'g.account' },
    'vpc-id': { get: (g) => g.VpcId, sql: 'g.vpc_id' },
    ...permissionFilters('ip-permission.', (g) => g.IpPermissions),
    ...permissionFilters('egress.ip-permission.', (g) => g.IpPermissionsEgress),
  },
};

export const securityGroupRuleFilters: FilterSpec<SecurityGroupRule> = {
  idSql: 'r.id',
  tags: (r) => r.Tags,
  fields: {
    'group-id': { get: (r) => r.GroupId, sql: 'r.group_id' },
    'security-group-rule-id': { get: (r) => r.SecurityGroupRuleId, sql: 'r.id' },
  },
};
