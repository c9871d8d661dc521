/**
 * Security groups: finding a group as the API names it, creating it, authorizing and revoking its rules, deleting
 * it. The IpPermission <-> rule algebra is in ipPermissions.ts.
 */
import type { RequestContext } from '../core/context';
import { expandPermissions, needsPorts, RuleSpec, sameRule, describeRule } from './ipPermissions';
import { NotFoundErrors, RequestErrors, SecurityGroupErrors, VpcErrors } from '../errors';
import type {
  Filter,
  IpPermission,
  SecurityGroupRuleDescription,
  SecurityGroupRuleRequest,
  SecurityGroupRuleUpdate,
  Tag,
  TagSpecification,
} from '../protocol/model/types.generated';
import type { SecurityGroupRow, SecurityGroupRuleRow } from '../store/rows';
import { addTags, tagsFromSpecifications } from './tags';
import { addIpv6EgressRule, hasIpv6Block } from './vpcCidrs';
import type { ListOptions } from '../store/query';
import { isWellFormedId } from '../protocol/idShapes';

/** A group by id, or by name in the default VPC (AWS's GroupName semantics). */
export function resolveGroup(ctx: RequestContext, groupId?: string, groupName?: string): SecurityGroupRow {
  if (groupId !== undefined) {
    const g = ctx.store.securityGroups.get(ctx.scope, groupId);
    if (!g) throw NotFoundErrors.securityGroup(groupId);
    return g;
  }
  if (groupName !== undefined) {
    const vpc = ctx.store.vpcs.defaultVpc(ctx.scope);
    if (!vpc) throw VpcErrors.noDefaultVpc();
    const g = ctx.store.securityGroups.byName(vpc.id, groupName);
    if (!g) throw NotFoundErrors.securityGroupInDefaultVpc(groupName, vpc.id);
    return g;
  }
  throw RequestErrors.missingParameter('groupId');
}

interface RuleChangeInput {
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermission[];
  // the legacy single-rule form
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  TagSpecifications?: TagSpecification[];
}

/** IpPermissions, or the legacy top-level form turned into one. */
function permissionsOf(input: RuleChangeInput): IpPermission[] {
  if (input.IpPermissions && input.IpPermissions.length > 0) return input.IpPermissions;
  if (input.IpProtocol === undefined && input.CidrIp === undefined && input.SourceSecurityGroupName === undefined) {
    throw RequestErrors.missingParameter('ipPermissions');
  }
  return [
    {
      IpProtocol: input.IpProtocol ?? '-1',
      FromPort: input.FromPort,
      ToPort: input.ToPort,
      IpRanges: input.CidrIp !== undefined ? [{ CidrIp: input.CidrIp }] : [],
      UserIdGroupPairs: input.SourceSecurityGroupName !== undefined ? [{ GroupName: input.SourceSecurityGroupName }] : [],
    },
  ];
}

const MAX_RULES_PER_DIRECTION = 60;

/** Adds the rules (none may exist already, at most 60 per direction); returns them as stored. */
export function authorize(ctx: RequestContext, input: RuleChangeInput, egress: boolean): SecurityGroupRuleRow[] {
  const group = resolveGroup(ctx, input.GroupId, input.GroupName);
  const specs = expandPermissions(ctx, group, permissionsOf(input));
  const existing = rulesOfDirection(ctx, group, egress);
  const seen: RuleSpec[] = [...existing];
  for (const spec of specs) {
    if (seen.some((r) => sameRule(r, spec))) throw SecurityGroupErrors.duplicateRule(describeRule(spec));
    seen.push(spec);
  }
  if (seen.length > MAX_RULES_PER_DIRECTION) throw SecurityGroupErrors.rulesLimit();
  const tags = tagsFromSpecifications(input.TagSpecifications, ['security-group-rule']).get('security-group-rule') ?? [];
  const created = specs.map((spec) => {
    const id = ctx.ids.id('sgr');
    ctx.store.securityGroups.rules.insert({ ...spec, id, group_id: group.id, account: ctx.scope.account, region: ctx.scope.region, is_egress: egress ? 1 : 0 });
    addTags(ctx, id, 'security-group-rule', tags);
    return ctx.store.securityGroups.rules.get(ctx.scope, id)!;
  });
  return created;
}

/** Removes rules named by id or by their permissions; every one must exist. */
export function revoke(ctx: RequestContext, input: RuleChangeInput & { SecurityGroupRuleIds?: string[] }, egress: boolean): void {
  const group = resolveGroup(ctx, input.GroupId, input.GroupName);
  const rules = rulesOfDirection(ctx, group, egress);
  const doomed = new Set<string>();
  if (input.SecurityGroupRuleIds && input.SecurityGroupRuleIds.length > 0) {
    for (const id of input.SecurityGroupRuleIds) {
      const rule = rules.find((r) => r.id === id);
      if (!rule) throw NotFoundErrors.securityGroupRule(id);
      doomed.add(rule.id);
    }
  } else {
    for (const spec of expandPermissions(ctx, group, permissionsOf(input))) {
      const rule = rules.find((r) => sameRule(r, spec));
      if (!rule) throw SecurityGroupErrors.ruleNotFound();
      doomed.add(rule.id);
    }
  }
  for (const id of doomed) ctx.store.securityGroups.rules.delete(id);
}

/** The group's rules of one direction, in creation order. */
function rulesOfDirection(ctx: RequestContext, group: SecurityGroupRow, egress: boolean): SecurityGroupRuleRow[] {
  return (ctx.store.securityGroups.rulesOf([group.id]).get(group.id) ?? []).filter((r) => (r.is_egress === 1) === egress);
}

/**
 * A SecurityGroupRuleRequest (one peer) as the IpPermission it amounts to, so it is validated as Authorize does.
 * A missing protocol or TCP/UDP port is refused first, in ModifySecurityGroupRules' own words (moto's AWS-verified
 * test_modify_security_group_rules).
 */
function permissionOfRule(rule: SecurityGroupRuleRequest): IpPermission {
  if (rule.IpProtocol === undefined) throw SecurityGroupErrors.protocolNotExplicit();
  if (needsPorts(rule.IpProtocol) && (rule.FromPort === undefined || rule.ToPort === undefined)) throw SecurityGroupErrors.rulePortsRequired();
  const peers = [rule.CidrIpv4, rule.CidrIpv6, rule.PrefixListId, rule.ReferencedGroupId].filter((p) => p !== undefined);
  if (peers.length > 1) throw SecurityGroupErrors.onePeer();
  if (peers.length === 0) throw SecurityGroupErrors.noPeerInRule();
  const Description = rule.Description;
  return {
    IpProtocol: rule.IpProtocol,
    FromPort: rule.FromPort,
    ToPort: rule.ToPort,
    IpRanges: rule.CidrIpv4 !== undefined ? [{ CidrIp: rule.CidrIpv4, Description }] : [],
    Ipv6Ranges: rule.CidrIpv6 !== undefined ? [{ CidrIpv6: rule.CidrIpv6, Description }] : [],
    PrefixListIds: rule.PrefixListId !== undefined ? [{ PrefixListId: rule.PrefixListId, Description }] : [],
    UserIdGroupPairs: rule.ReferencedGroupId !== undefined ? [{ GroupId: rule.ReferencedGroupId, Description }] : [],
  };
}

/**
 * ModifySecurityGroupRules: each named rule of the group is replaced by the rule given (protocol, ports, one
 * peer, description), keeping its id, direction and tags. Checked as Authorize checks a new rule, and it may not
 * become a copy of another rule of its direction.
 */
export function modifyRules(ctx: RequestContext, groupId: string, updates: readonly SecurityGroupRuleUpdate[]): void {
  const group = resolveGroup(ctx, groupId);
  const all = ctx.store.securityGroups.rulesOf([group.id]).get(group.id) ?? [];
  for (const update of updates) {
    const rule = all.find((r) => r.id === update.SecurityGroupRuleId);
    if (!rule) throw NotFoundErrors.securityGroupRule(update.SecurityGroupRuleId);
    const [spec] = expandPermissions(ctx, group, [permissionOfRule(update.SecurityGroupRule ?? {})]);
    const clash = all.find((r) => r.id !== rule.id && r.is_egress === rule.is_egress && sameRule(r, spec));
    if (clash) throw SecurityGroupErrors.duplicateRule(describeRule(spec));
    ctx.store.securityGroups.rules.update(rule.id, spec);
    Object.assign(rule, spec); // later updates of the same call see this one
  }
}

/**
 * UpdateSecurityGroupRuleDescriptions(Ingress|Egress): by rule id, or by IpPermissions naming existing rules
 * (their description is replaced; a peer given without one clears it, as AWS documents).
 */
export function updateRuleDescriptions(
  ctx: RequestContext,
  input: { GroupId?: string; GroupName?: string; IpPermissions?: IpPermission[]; SecurityGroupRuleDescriptions?: SecurityGroupRuleDescription[] },
  egress: boolean,
): void {
  const byPermission = (input.IpPermissions?.length ?? 0) > 0;
  const byId = (input.SecurityGroupRuleDescriptions?.length ?? 0) > 0;
  if (byPermission && byId) throw SecurityGroupErrors.descriptionsBothForms();
  if (!byPermission && !byId) throw RequestErrors.missingParameter('ipPermissions');
  const group = resolveGroup(ctx, input.GroupId, input.GroupName);
  const rules = rulesOfDirection(ctx, group, egress);
  const changes: Array<[string, string | null]> = [];
  if (byId) {
    for (const d of input.SecurityGroupRuleDescriptions!) {
      const rule = rules.find((r) => r.id === d.SecurityGroupRuleId);
      if (!rule) throw NotFoundErrors.securityGroupRule(d.SecurityGroupRuleId ?? '');
      changes.push([rule.id, d.Description ?? null]);
    }
  } else {
    for (const spec of expandPermissions(ctx, group, input.IpPermissions!)) {
      const rule = rules.find((r) => sameRule(r, spec));
      if (!rule) throw SecurityGroupErrors.ruleNotFound();
      changes.push([rule.id, spec.description]);
    }
  }
  for (const [id, description] of changes) ctx.store.securityGroups.rules.update(id, { description });
}

/**
 * CreateSecurityGroup, in the VPC given or the default one. A new group allows all outbound traffic and no inbound
 * traffic, as on AWS. Returns the new group's id and its stored tags.
 */
export function createSecurityGroup(
  ctx: RequestContext,
  input: { GroupName: string; Description: string; VpcId?: string; TagSpecifications?: TagSpecification[] },
): { groupId: string; tags: Tag[] } {
  const { store, scope } = ctx;
  const vpc = input.VpcId !== undefined ? store.vpcs.get(scope, input.VpcId) : store.vpcs.defaultVpc(scope);
  if (!vpc) throw input.VpcId !== undefined ? NotFoundErrors.vpc(input.VpcId) : VpcErrors.noDefaultVpc();
  if (/^sg-/i.test(input.GroupName)) throw SecurityGroupErrors.reservedName(input.GroupName);
  if (store.securityGroups.byName(vpc.id, input.GroupName)) throw SecurityGroupErrors.duplicate(input.GroupName, vpc.id);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['security-group']).get('security-group') ?? [];

  const id = ctx.ids.id('sg');
  store.securityGroups.insert({ id, account: scope.account, region: scope.region, vpc_id: vpc.id, name: input.GroupName, description: input.Description });
  store.securityGroups.rules.insert({ id: ctx.ids.id('sgr'), group_id: id, account: scope.account, region: scope.region, is_egress: 1, ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' });
  if (hasIpv6Block(ctx, vpc.id)) addIpv6EgressRule(ctx, id);
  addTags(ctx, id, 'security-group', tags);
  return { groupId: id, tags: tags.length > 0 ? store.tags.of(scope, id) : [] };
}

/** The default group cannot go, nor a group another group's rules refer to. */
export function deleteSecurityGroup(ctx: RequestContext, groupId?: string, groupName?: string): SecurityGroupRow {
  const group = resolveGroup(ctx, groupId, groupName);
  if (group.is_default === 1) throw SecurityGroupErrors.cannotDeleteDefault(group.id);
  if (ctx.store.securityGroups.isReferenced(group.id)) throw SecurityGroupErrors.dependency(group.id);
  ctx.store.securityGroups.delete(group.id);
  return group;
}

export function listSecurityGroups(ctx: RequestContext, opts: ListOptions): SecurityGroupRow[] {
  return ctx.store.securityGroups.list(ctx.scope, opts);
}

export function listSecurityGroupRules(ctx: RequestContext, opts: ListOptions): SecurityGroupRuleRow[] {
  return ctx.store.securityGroups.rules.list(ctx.scope, opts);
}

/**
 * DescribeSecurityGroupRules reads its `group-id` filter values as group ids: one that is not a well-formed id is
 * `InvalidGroupId.Malformed` (a well-formed unknown one matches nothing). moto's AWS-verified
 * test_invalid_security_group_id_in_rules_search.
 */
export function checkRuleGroupFilter(filters: readonly Filter[] | undefined): void {
  for (const f of filters ?? []) {
    if (f.Name !== 'group-id' && f.Name !== 'groupId') continue; // and its camelCase form, as every filter
    const bad = (f.Values ?? []).find((v) => !isWellFormedId(v, 'sg'));
    if (bad !== undefined) throw SecurityGroupErrors.malformedFilterGroupId(bad);
  }
}
