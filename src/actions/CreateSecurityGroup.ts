import { addTags, tagsFromSpecifications } from '../domain/tags';
import { NotFoundErrors, RequestErrors, SecurityGroupErrors, VpcErrors } from '../errors';
import { defineAction } from './define';

/** A new group allows all outbound traffic and no inbound traffic, as on AWS. */
export default defineAction('CreateSecurityGroup', (input, ctx) => {
  const { store, scope } = ctx;
  // An empty name or description is no name at all (the same answer as without the parameter; unverified for '').
  if (input.GroupName === '') throw RequestErrors.missingParameter('groupName');
  if (input.Description === '') throw RequestErrors.missingParameter('groupDescription');
  const vpc = input.VpcId !== undefined ? store.vpcs.get(scope, input.VpcId) : store.vpcs.defaultVpc(scope);
  if (!vpc) throw input.VpcId !== undefined ? NotFoundErrors.vpc(input.VpcId) : VpcErrors.noDefaultVpc();
  if (/^sg-/i.test(input.GroupName)) throw SecurityGroupErrors.reservedName(input.GroupName);
  if (store.securityGroups.byName(vpc.id, input.GroupName)) throw SecurityGroupErrors.duplicate(input.GroupName, vpc.id);
  const tags = tagsFromSpecifications(input.TagSpecifications, ['security-group']).get('security-group') ?? [];

  const id = ctx.ids.id('sg');
  store.securityGroups.insert({ id, account: scope.account, region: scope.region, vpc_id: vpc.id, name: input.GroupName, description: input.Description });
  store.securityGroups.rules.insert({ id: ctx.ids.id('sgr'), group_id: id, account: scope.account, region: scope.region, is_egress: 1, ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' });
  addTags(ctx, id, 'security-group', tags);
  return {
    GroupId: id,
    Tags: tags.length > 0 ? store.tags.of(id) : undefined,
    SecurityGroupArn: `arn:aws:ec2:${scope.region}:${scope.account}:security-group/${id}`,
  };
});
