import { requireInstances } from '../domain/instances';
import { presentRows } from '../views/instance';
import { templateDataOfInstance } from '../views/launchTemplate';
import { defineAction } from './define';

export default defineAction('GetLaunchTemplateData', (input, ctx) => {
  const [row] = requireInstances(ctx, [input.InstanceId]);
  const [instance] = presentRows(ctx, [row]);
  return { LaunchTemplateData: templateDataOfInstance(instance, row) };
});
