import { updateRuleDescriptions } from '../domain/securityGroups';
import { defineAction } from './define';

export default defineAction('UpdateSecurityGroupRuleDescriptionsEgress', (input, ctx) => {
  updateRuleDescriptions(ctx, input, true);
  return { Return: true };
});
