import { deleteSecurityGroup } from '../domain/securityGroups';
import { defineAction } from './define';

export default defineAction('DeleteSecurityGroup', (input, ctx) => {
  const group = deleteSecurityGroup(ctx, input.GroupId, input.GroupName);
  return { Return: true, GroupId: group.id };
});
