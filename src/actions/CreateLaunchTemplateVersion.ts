import { createLaunchTemplateVersion } from '../domain/launchTemplates';
import { presentLaunchTemplateVersions } from '../views/launchTemplate';
import { defineAction } from './define';

export default defineAction('CreateLaunchTemplateVersion', (input, ctx) => {
  const { version, warnings } = createLaunchTemplateVersion(ctx, input);
  return {
    LaunchTemplateVersion: presentLaunchTemplateVersions([version])[0],
    Warning: warnings.length > 0 ? { Errors: warnings } : undefined,
  };
});
