import { SecurityGroupErrors } from '../errors';
import { resolveGroup } from './shared/securityGroups';
import { defineAction } from './define';

export default defineAction('DeleteSecurityGroup', (input, ctx) => {
  const group = resolveGroup(ctx, input.GroupId, input.GroupName);
  if (group.is_default === 1) throw SecurityGroupErrors.cannotDeleteDefault(group.id);
  if (ctx.store.securityGroups.isReferenced(group.id)) throw SecurityGroupErrors.dependency(group.id);
  ctx.store.securityGroups.delete(group.id);
  return { Return: true, GroupId: group.id };
});
