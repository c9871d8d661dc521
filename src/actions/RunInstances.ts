import { launch, planLaunch } from '../domain/launch';
import { mergeLaunchTemplate, tagLaunchedFromTemplate } from '../domain/launchTemplates';
import { checkSpotMarketOptions, markSpotLaunch } from '../domain/spot';
import { presentRows } from '../views/instance';
import { defineAction } from './define';

export default defineAction('RunInstances', (input, ctx) => {
  // A LaunchTemplate is applied first: planLaunch and launch see one request, the template's data under the
  // explicit parameters (docs/behavior.md "Launch templates").
  const { input: request, source } = mergeLaunchTemplate(ctx, input);
  checkSpotMarketOptions(request);
  const plan = planLaunch(ctx, request);
  if (!plan.image) {
    ctx.log.warn('unknown AMI accepted', { imageId: request.ImageId, requestId: ctx.requestId });
  }
  const launched = launch(ctx, request, plan);
  const { reservationId } = launched;
  const instances = request.InstanceMarketOptions?.MarketType === 'spot' ? markSpotLaunch(ctx, request, launched.instances) : launched.instances;
  if (source) tagLaunchedFromTemplate(ctx, instances.map((i) => i.id), source);
  return {
    ReservationId: reservationId,
    OwnerId: ctx.scope.account,
    Groups: [],
    Instances: presentRows(ctx, instances, { emptyTags: true }),
  };
});
