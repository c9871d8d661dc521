import { authorize } from './shared/securityGroups';
import { defineAction } from './define';

export default defineAction('AuthorizeSecurityGroupIngress', (input, ctx) => authorize(ctx, input, false));
