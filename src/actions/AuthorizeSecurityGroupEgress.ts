import { authorize } from '../domain/securityGroups';
import { presentRules } from '../views/securityGroup';
import { defineAction } from './define';

export default defineAction('AuthorizeSecurityGroupEgress', (input, ctx) => ({ Return: true, SecurityGroupRules: presentRules(ctx, authorize(ctx, input, true)) }));
