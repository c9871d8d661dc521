import { createLaunchTemplate } from '../domain/launchTemplates';
import { presentLaunchTemplates } from '../views/launchTemplate';
import { defineAction } from './define';

export default defineAction('CreateLaunchTemplate', (input, ctx) => {
  const { template, warnings } = createLaunchTemplate(ctx, input);
  return {
    LaunchTemplate: presentLaunchTemplates(ctx, [template])[0],
    Warning: warnings.length > 0 ? { Errors: warnings } : undefined,
  };
});
