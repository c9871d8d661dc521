import { deleteLaunchTemplateVersions } from '../domain/launchTemplates';
import { defineAction } from './define';

export default defineAction('DeleteLaunchTemplateVersions', (input, ctx) => {
  const { deleted, failed } = deleteLaunchTemplateVersions(ctx, input, input.Versions);
  return { SuccessfullyDeletedLaunchTemplateVersions: deleted, UnsuccessfullyDeletedLaunchTemplateVersions: failed };
});
