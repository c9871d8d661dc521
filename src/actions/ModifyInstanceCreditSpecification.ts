import { modifyCreditSpecifications } from '../domain/instanceExtras';
import { defineAction } from './define';

/** Per-instance outcome: the ids that took the option, and the others with AWS's error code for each. */
export default defineAction('ModifyInstanceCreditSpecification', (input, ctx) => {
  const out = modifyCreditSpecifications(ctx, input.InstanceCreditSpecifications ?? []);
  return {
    SuccessfulInstanceCreditSpecifications: out.successful.map((id) => ({ InstanceId: id })),
    UnsuccessfulInstanceCreditSpecifications: out.unsuccessful.map((u) => ({
      InstanceId: u.InstanceId,
      Error: { Code: u.Error.Code as 'InvalidInstanceID.NotFound', Message: u.Error.Message },
    })),
  };
});
