import { launch, planLaunch } from '../domain/launch';
import { presentRows } from '../views/instance';
import { defineAction } from './define';

export default defineAction('RunInstances', (input, ctx) => {
  const plan = planLaunch(ctx, input);
  if (!ctx.images.exists(input.ImageId as string)) {
    ctx.log.warn('unknown AMI accepted', { imageId: input.ImageId, requestId: ctx.requestId });
  }
  const { reservationId, instances } = launch(ctx, input, plan);
  return {
    ReservationId: reservationId,
    OwnerId: ctx.scope.account,
    Groups: [],
    Instances: presentRows(ctx, instances, { emptyTags: true }),
  };
});
