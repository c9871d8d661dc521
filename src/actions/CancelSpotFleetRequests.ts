import { cancelSpotFleets } from '../domain/spotFleets';
import { defineAction } from './define';

/** Answers per request: cancelled_terminating (instances terminated) or cancelled_running; failures with AWS's codes. */
export default defineAction('CancelSpotFleetRequests', (input, ctx) => {
  const out = cancelSpotFleets(ctx, input.SpotFleetRequestIds, input.TerminateInstances);
  return {
    SuccessfulFleetRequests: out.successes.map((s) => ({
      SpotFleetRequestId: s.id,
      PreviousSpotFleetRequestState: s.previous as 'active',
      CurrentSpotFleetRequestState: s.current as 'cancelled_running',
    })),
    UnsuccessfulFleetRequests: out.failures.map((f) => ({
      SpotFleetRequestId: f.id,
      Error: { Code: f.error.Code as 'fleetRequestIdDoesNotExist', Message: f.error.Message },
    })),
  };
});
