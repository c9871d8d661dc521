import { setDefaultCredits } from '../domain/accountSettings';
import { defineAction } from './define';

/** The default CPU credit option new instances of a burstable family launch with. */
export default defineAction('ModifyDefaultCreditSpecification', (input, ctx) => ({
  InstanceFamilyCreditSpecification: { InstanceFamily: input.InstanceFamily, CpuCredits: setDefaultCredits(ctx, input.InstanceFamily, input.CpuCredits) },
}));
