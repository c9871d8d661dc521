/**
 * Work that a change leaves for later in the same transaction. Actions and back-end transitions report what they
 * touched (e.g. "routes through these ENIs / gateways may have changed state"); before the transaction commits,
 * the registered workflow tasks run once over everything collected, in the same store. So a client never sees a
 * stale route after the change that flipped it.
 */
import type { RequestContext } from './context';

export interface PendingWork {
  /** ENI, instance and gateway ids whose routes must be re-derived. */
  routeTargets: Set<string>;
}

type WorkflowTask = (ctx: RequestContext, work: PendingWork) => void;

export class EventBus {
  private work: PendingWork = { routeTargets: new Set() };
  private readonly tasks: WorkflowTask[] = [];
  /** Bumped on every committed change that the broadcast document or IMDS may show. */
  private generation = 0;

  register(task: WorkflowTask): void {
    this.tasks.push(task);
  }

  /** Routes through these targets (ENI, instance or gateway ids) may have changed state. */
  routeTargetsChanged(...ids: Array<string | null | undefined>): void {
    for (const id of ids) if (id) this.work.routeTargets.add(id);
  }

  /** Runs the workflow tasks over the collected work (call inside the transaction, before commit). */
  flush(ctx: RequestContext): void {
    if (this.work.routeTargets.size === 0) return;
    const work = this.work;
    this.work = { routeTargets: new Set() };
    for (const task of this.tasks) task(ctx, work);
  }

  /** Forgets collected work (the transaction rolled back). */
  discard(): void {
    this.work = { routeTargets: new Set() };
  }

  markChanged(): void {
    this.generation++;
  }

  get changeGeneration(): number {
    return this.generation;
  }
}
