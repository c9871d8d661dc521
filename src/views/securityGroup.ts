/** Stored security groups and rules -> EC2 API objects. */
import type { LoadContext } from './context';
import { toIpPermissions } from '../domain/ipPermissions';
import type { SecurityGroup, SecurityGroupRule, Tag } from '../protocol/model/types.generated';
import type { SecurityGroupRow, SecurityGroupRuleRow } from '../store/rows';
import { tagsOrNothing } from './vpc';

function presentSecurityGroup(row: SecurityGroupRow, rules: readonly SecurityGroupRuleRow[], tags?: Tag[]): SecurityGroup {
  return {
    GroupId: row.id,
    IpPermissionsEgress: toIpPermissions(rules.filter((r) => r.is_egress === 1)),
    Tags: tagsOrNothing(tags),
    VpcId: row.vpc_id,
    SecurityGroupArn: `arn:aws:ec2:${row.region}:${row.account}:security-group/${row.id}`,
    OwnerId: row.account,
    GroupName: row.name,
    Description: row.description,
    IpPermissions: toIpPermissions(rules.filter((r) => r.is_egress === 0)),
  };
}

function presentRule(r: SecurityGroupRuleRow, tags: Tag[] = []): SecurityGroupRule {
  return {
    SecurityGroupRuleId: r.id,
    GroupId: r.group_id,
    GroupOwnerId: r.account,
    IsEgress: r.is_egress === 1,
    IpProtocol: r.ip_protocol,
    FromPort: r.from_port ?? -1,
    ToPort: r.to_port ?? -1,
    CidrIpv4: r.cidr_ipv4 ?? undefined,
    CidrIpv6: r.cidr_ipv6 ?? undefined,
    PrefixListId: r.prefix_list_id ?? undefined,
    ReferencedGroupInfo: r.ref_group_id ? { GroupId: r.ref_group_id, UserId: r.ref_user_id ?? undefined } : undefined,
    Description: r.description ?? undefined,
    Tags: tags,
    SecurityGroupRuleArn: `arn:aws:ec2:${r.region}:${r.account}:security-group-rule/${r.id}`,
  };
}

/** Groups with their rules and tags, in one query each. */
export function presentSecurityGroups(ctx: LoadContext, rows: readonly SecurityGroupRow[]): SecurityGroup[] {
  const ids = rows.map((r) => r.id);
  const rules = ctx.store.securityGroups.rulesOf(ids);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  return rows.map((r) => presentSecurityGroup(r, rules.get(r.id) ?? [], tags.get(r.id)));
}

/** Rules with their tags, in one query. */
export function presentRules(ctx: LoadContext, rows: readonly SecurityGroupRuleRow[]): SecurityGroupRule[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => presentRule(r, tags.get(r.id)));
}
