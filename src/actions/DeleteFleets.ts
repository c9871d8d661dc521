import { deleteFleets } from '../domain/fleets';
import { defineAction } from './define';

/** Answers per fleet: deleted_terminating (instances terminated) or deleted_running; failures with AWS's codes. */
export default defineAction('DeleteFleets', (input, ctx) => {
  const out = deleteFleets(ctx, input.FleetIds, input.TerminateInstances);
  return {
    SuccessfulFleetDeletions: out.successes.map((s) => ({
      FleetId: s.id,
      PreviousFleetState: s.previous as 'active',
      CurrentFleetState: s.current as 'deleted_running',
    })),
    UnsuccessfulFleetDeletions: out.failures.map((f) => ({ FleetId: f.id, Error: { Code: f.error.Code as 'fleetIdDoesNotExist', Message: f.error.Message } })),
  };
});
