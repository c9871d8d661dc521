/** The back end's schedule (see src/core/backend.ts). */
import type { Database } from './db';
import type { TransitionRow } from './rows';
import { BOUND_LIMIT } from './query';

export class TransitionRepo {
  constructor(private readonly db: Database) {}

  /** Inserts or replaces the one pending transition of a resource (a replaced one gets a new seq). */
  put(t: Omit<TransitionRow, 'seq'>): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO transitions (account, region, kind, resource_id, from_state, to_state, due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.account, t.region, t.kind, t.resource_id, t.from_state, t.to_state, t.due_at);
  }

  get(kind: string, resourceId: string): TransitionRow | undefined {
    return this.db.prepare('SELECT * FROM transitions WHERE kind = ? AND resource_id = ?').get(kind, resourceId) as
      | TransitionRow
      | undefined;
  }

  delete(kind: string, resourceId: string): void {
    this.db.prepare('DELETE FROM transitions WHERE kind = ? AND resource_id = ?').run(kind, resourceId);
  }

  /**
   * Removes this very transition (kind, resource and seq) if it is still scheduled; false when an action replaced
   * (new seq) or cancelled it since it was read. One statement where a read and a delete were two.
   */
  take(t: Pick<TransitionRow, 'kind' | 'resource_id' | 'seq'>): boolean {
    return this.db.prepare('DELETE FROM transitions WHERE kind = ? AND resource_id = ? AND seq = ?').run(t.kind, t.resource_id, t.seq).changes === 1;
  }

  due(now: number, limit: number): TransitionRow[] {
    return this.db.prepare(`SELECT * FROM transitions WHERE due_at <= ? ORDER BY due_at, seq ${BOUND_LIMIT}`).all(now, limit) as TransitionRow[];
  }

  earliestDue(): number | undefined {
    const row = this.db.prepare('SELECT min(due_at) AS t FROM transitions').get() as { t: number | null };
    return row.t ?? undefined;
  }

  all(): TransitionRow[] {
    return this.db.prepare('SELECT * FROM transitions ORDER BY due_at, seq').all() as TransitionRow[];
  }
}
