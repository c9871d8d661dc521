/**
 * The only source of "now". Real time plus an offset that the back end's `advance(ms)` moves forward, or a manual
 * clock that stands still until told to move (tests drive transitions step by step; nothing sleeps).
 */
export interface Clock {
  now(): number;
  /** Moves this clock forward by `ms` (never backwards). */
  advance(ms: number): void;
  readonly manual: boolean;
}

export class SystemClock implements Clock {
  private offset = 0;
  readonly manual = false;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += Math.max(0, ms);
  }
}

export class ManualClock implements Clock {
  readonly manual = true;
  constructor(private current = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += Math.max(0, ms);
  }
}
