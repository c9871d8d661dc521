import { createSecurityGroup } from '../domain/securityGroups';
import { defineAction } from './define';

// An empty GroupName or Description reaches no action: the parser reads it as absent, a MissingParameter as AWS's.
export default defineAction('CreateSecurityGroup', (input, ctx) => {
  const { group, tags } = createSecurityGroup(ctx, input);
  return {
    GroupId: group.id,
    Tags: tags.length > 0 ? tags : undefined,
    SecurityGroupArn: `arn:aws:ec2:${group.region}:${group.account}:security-group/${group.id}`,
  };
});
