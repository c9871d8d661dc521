/**
 * The simulated back end (the cluster controller of the Eucalyptus design): the only thing that changes state
 * behind the user's back. Actions schedule transitions ("instance i-1: pending -> running at T"); the back end
 * applies those that are due, in due order, each in its own transaction:
 *   - before every request is served (so with delay 0 the next call already sees `running`);
 *   - on a background tick (so the broadcast document and IMDS move on by themselves);
 *   - when told to (admin `backend/advance`, the library's `advance()`), which may first move the clock.
 * While paused, only an explicit advance applies anything. Time comes from the injected Clock; nothing sleeps.
 */
import type { RequestContext, Services } from './context';
import { transact } from './context';
import { STUCK_AT } from '../faults';
import type { TransitionRow } from '../store/rows';
import type { TransitionRepo } from '../store/transitionRepo';
import type { BackendSchedule, TransitionKind } from './schedule';

type TransitionHandler = (ctx: RequestContext, t: TransitionRow) => void;

interface TransitionView extends TransitionRow {
  due: boolean;
}

/**
 * Built from the services it runs transitions with; what actions see of it (`services.backend`, the schedule) is
 * built before them and needs none of them, so nothing is bound late.
 */
export class Backend {
  private readonly handlers = new Map<TransitionKind, TransitionHandler>();
  private readonly schedule: BackendSchedule;
  private paused = false;
  private timer?: NodeJS.Timeout;
  private applying = false;

  private readonly transitions: TransitionRepo;

  constructor(private readonly services: Services) {
    this.schedule = services.backend;
    this.transitions = services.store.transitions;
  }

  on(kind: TransitionKind, handler: TransitionHandler): void {
    this.handlers.set(kind, handler);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.applyDue();
  }

  /** Everything scheduled, with whether it is due now. */
  list(): TransitionView[] {
    const now = this.services.clock.now();
    return this.transitions.all().map((t) => ({ ...t, due: t.due_at <= now }));
  }

  /** Applies what is due unless paused (the hook before each request and the tick). */
  applyDue(): number {
    if (this.paused) return 0;
    return this.applyNow();
  }

  /** Moves the clock forward `ms` (default 0), then applies everything due, paused or not. */
  advance(ms = 0): number {
    if (ms > 0) this.services.clock.advance(ms);
    this.releaseStuck();
    return this.applyNow();
  }

  /** Transitions a fault plan held back (src/faults) are due now. */
  private releaseStuck(): void {
    const now = this.services.clock.now();
    for (const { kind, id } of this.services.faults.takeStuck()) {
      const row = this.transitions.get(kind, id);
      if (!row || row.due_at < STUCK_AT) continue;
      const { seq: _seq, ...rest } = row;
      this.transitions.put({ ...rest, due_at: now });
      this.schedule.lowerHint(now);
    }
  }

  private applyNow(): number {
    const services = this.services;
    if (this.applying) return 0; // a handler's own request must not re-enter
    let applied = 0;
    this.applying = true;
    try {
      // A transition may schedule another that is already due (delay 0): loop until nothing due is left.
      for (let round = 0; round < 1000; round++) {
        const now = services.clock.now();
        if (this.schedule.nextDueAt > now) break;
        const due = this.transitions.due(now, 500);
        if (due.length === 0) {
          this.schedule.refreshHint();
          break;
        }
        for (const t of due) {
          this.applyOne(t);
          applied++;
        }
        this.schedule.refreshHint();
      }
    } finally {
      this.applying = false;
    }
    return applied;
  }

  private applyOne(t: TransitionRow): void {
    const services = this.services;
    try {
      transact(services, { account: t.account, region: t.region }, 'Backend', (ctx) => {
        // Still scheduled? (an earlier transition of this batch may have replaced or cancelled it)
        if (!this.transitions.take(t)) return;
        this.handlers.get(t.kind)?.(ctx, t);
      });
      services.events.markChanged();
    } catch (e) {
      // A failing transition must not wedge the back end: drop it and say so.
      services.log.error('back-end transition failed', { transition: t, error: (e as Error).stack });
      this.transitions.delete(t.kind, t.resource_id);
    }
  }

  /** Starts the background tick (unref'd: it never keeps the process alive). */
  start(): void {
    const tickMs = this.services.config.tickMs;
    if (this.timer || tickMs <= 0) return;
    this.timer = setInterval(() => {
      try {
        this.applyDue();
      } catch (e) {
        this.services.log.error('back-end tick failed', { error: (e as Error).stack });
      }
    }, tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** After a reset: nothing is scheduled any more. */
  forget(): void {
    this.schedule.refreshHint();
    this.paused = false;
  }
}
