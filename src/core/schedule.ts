/**
 * What an action sees of the back end (`ctx.backend`): it schedules, replaces, cancels and looks up the pending
 * transition of a resource ("instance i-1: pending -> running at T"), inside the action's transaction. Applying
 * what falls due is the back end's own job (backend.ts), which reads the schedule's hint. This file needs nothing
 * of the services, so the services can hold it and the back end can be built from the services afterwards.
 */
import type { Faults } from '../faults';
import type { Scope } from '../store/query';
import type { TransitionRow } from '../store/rows';
import type { TransitionRepo } from '../store/transitionRepo';

export type TransitionKind = TransitionRow['kind'];

export class BackendSchedule {
  /** Earliest due time we know of (a lower bound; Infinity = nothing scheduled). */
  private hint: number;

  constructor(
    private readonly transitions: TransitionRepo,
    private readonly faults: Faults,
  ) {
    this.hint = transitions.earliestDue() ?? Infinity;
  }

  /** Schedules (or replaces) the pending transition of one resource. Call inside the action's transaction. */
  schedule(scope: Scope, kind: TransitionKind, resourceId: string, from: string, to: string, dueAt: number): void {
    // A fault plan may make it slower, or stuck until the next advance.
    dueAt = this.faults.transitionDue(scope, kind, resourceId, from, dueAt);
    this.transitions.put({ account: scope.account, region: scope.region, kind, resource_id: resourceId, from_state: from, to_state: to, due_at: dueAt });
    this.lowerHint(dueAt);
  }

  cancel(kind: TransitionKind, resourceId: string): void {
    this.transitions.delete(kind, resourceId);
  }

  pending(kind: TransitionKind, resourceId: string): TransitionRow | undefined {
    return this.transitions.get(kind, resourceId);
  }

  /** Nothing is due before this time. */
  get nextDueAt(): number {
    return this.hint;
  }

  lowerHint(dueAt: number): void {
    if (dueAt < this.hint) this.hint = dueAt;
  }

  /** Re-reads the earliest due time (after applying transitions, or after a reset). */
  refreshHint(): void {
    this.hint = this.transitions.earliestDue() ?? Infinity;
  }
}
