import { revoke } from '../domain/securityGroups';
import { defineAction } from './define';

export default defineAction('RevokeSecurityGroupEgress', (input, ctx) => {
  revoke(ctx, input, true);
  return { Return: true };
});
