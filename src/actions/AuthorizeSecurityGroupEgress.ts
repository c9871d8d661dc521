import { authorize } from './shared/securityGroups';
import { defineAction } from './define';

export default defineAction('AuthorizeSecurityGroupEgress', (input, ctx) => authorize(ctx, input, true));
