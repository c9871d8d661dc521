import { deleteLaunchTemplate } from '../domain/launchTemplates';
import { presentLaunchTemplates } from '../views/launchTemplate';
import { defineAction } from './define';

/** Answers the template as it was, with every version and its tags gone. */
export default defineAction('DeleteLaunchTemplate', (input, ctx) => {
  const before = presentLaunchTemplates(ctx, [deleteLaunchTemplate(ctx, input)])[0];
  return { LaunchTemplate: { ...before, Tags: undefined } };
});
