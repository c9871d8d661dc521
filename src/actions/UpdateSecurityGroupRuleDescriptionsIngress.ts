import { updateRuleDescriptions } from '../domain/securityGroups';
import { defineAction } from './define';

export default defineAction('UpdateSecurityGroupRuleDescriptionsIngress', (input, ctx) => {
  updateRuleDescriptions(ctx, input, false);
  return { Return: true };
});
