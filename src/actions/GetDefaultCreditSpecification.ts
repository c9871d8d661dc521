import { defaultCredits } from '../domain/accountSettings';
import { defineAction } from './define';

/** A burstable family's default CPU credit option in the region. */
export default defineAction('GetDefaultCreditSpecification', (input, ctx) => ({
  InstanceFamilyCreditSpecification: { InstanceFamily: input.InstanceFamily, CpuCredits: defaultCredits(ctx, input.InstanceFamily) },
}));
