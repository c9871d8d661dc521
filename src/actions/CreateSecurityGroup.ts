import { createSecurityGroup } from '../domain/securityGroups';
import { defineAction } from './define';

// An empty GroupName or Description reaches no action: the parser reads it as absent, a MissingParameter as AWS's.
export default defineAction('CreateSecurityGroup', (input, ctx) => {
  const { groupId, tags } = createSecurityGroup(ctx, input);
  return {
    GroupId: groupId,
    Tags: tags.length > 0 ? tags : undefined,
    SecurityGroupArn: `arn:aws:ec2:${ctx.scope.region}:${ctx.scope.account}:security-group/${groupId}`,
  };
});
