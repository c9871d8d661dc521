import { modifyRules } from '../domain/securityGroups';
import { defineAction } from './define';

export default defineAction('ModifySecurityGroupRules', (input, ctx) => {
  modifyRules(ctx, input.GroupId, input.SecurityGroupRules);
  return { Return: true };
});
