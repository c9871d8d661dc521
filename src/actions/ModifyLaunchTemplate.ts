import { modifyLaunchTemplate } from '../domain/launchTemplates';
import { presentLaunchTemplates } from '../views/launchTemplate';
import { defineAction } from './define';

export default defineAction('ModifyLaunchTemplate', (input, ctx) => {
  const template = modifyLaunchTemplate(ctx, input, input.DefaultVersion);
  return { LaunchTemplate: presentLaunchTemplates(ctx, [template])[0] };
});
