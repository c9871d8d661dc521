import { revoke } from '../domain/securityGroups';
import { defineAction } from './define';

export default defineAction('RevokeSecurityGroupIngress', (input, ctx) => {
  revoke(ctx, input, false);
  return { Return: true };
});
