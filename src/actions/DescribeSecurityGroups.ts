import { NotFoundErrors, VpcErrors } from '../errors';
import type { FilterSpec } from '../filters/engine';
import type { IpPermission, SecurityGroup } from '../protocol/model/types.generated';
import { presentSecurityGroup } from '../views/securityGroup';
import { describe } from '../domain/describe';
import { defineAction } from './define';

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

const filters: FilterSpec<SecurityGroup> = {
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

export default defineAction('DescribeSecurityGroups', (input, ctx) => {
  const { store, scope } = ctx;
  const ids = [...(input.GroupIds ?? [])];
  if (input.GroupNames && input.GroupNames.length > 0) {
    // GroupName names groups of the default VPC (use the group-name filter for others).
    const vpc = store.vpcs.defaultVpc(scope);
    if (!vpc) throw VpcErrors.noDefaultVpc();
    for (const name of input.GroupNames) {
      const g = store.securityGroups.byName(vpc.id, name);
      if (!g) throw NotFoundErrors.securityGroupInDefaultVpc(name, vpc.id);
      ids.push(g.id);
    }
  }
  const page = describe(ctx, {
    ids,
    filters: input.Filters,
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    filterSpec: filters,
    list: (opts) => store.securityGroups.list(scope, opts),
    present: (rows) => {
      const ids = rows.map((r) => r.id);
      const rules = store.securityGroups.rulesOf(ids);
      const tags = store.tags.forResources(ids);
      return rows.map((r) => presentSecurityGroup(r, rules.get(r.id) ?? [], tags.get(r.id)));
    },
    notFound: (missing) => NotFoundErrors.securityGroup(missing[0]),
  });
  return { SecurityGroups: page.items, NextToken: page.nextToken };
});
