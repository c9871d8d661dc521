import { revoke } from './shared/securityGroups';
import { defineAction } from './define';

export default defineAction('RevokeSecurityGroupEgress', (input, ctx) => revoke(ctx, input, true));
