import { revoke } from './shared/securityGroups';
import { defineAction } from './define';

export default defineAction('RevokeSecurityGroupIngress', (input, ctx) => revoke(ctx, input, false));
