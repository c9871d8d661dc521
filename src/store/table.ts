/**
 * Generic single-table access shared by the repositories: insert / get / update / delete by id within a scope,
 * and the list query of Describe*. Statements are built from the column set and cached by the Database.
 */
import type { Database } from './db';
import { listRows, ListOptions, ListSource, Scope } from './query';

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1, undefined null. */
export function toSql(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

export class Table<R extends { id: string; seq: number }> {
  readonly listSource: ListSource;
  /** The fixed statements' text, built once: the statement cache is keyed by text, and a text built per call is hashed per call. */
  private readonly sql: { get: string; getMany: string; delete: string };

  constructor(
    protected readonly db: Database,
    readonly name: string,
    listSource?: ListSource,
  ) {
    this.listSource = listSource ?? { from: `${name} t`, alias: 't', select: 't.*' };
    this.sql = {
      get: `SELECT * FROM ${name} WHERE id = ? AND +account = ? AND +region = ?`,
      getMany: `SELECT * FROM ${name} WHERE +account = ? AND +region = ? AND id IN (SELECT value FROM json_each(?))`,
      delete: `DELETE FROM ${name} WHERE id = ?`,
    };
  }

  /** Inserts the row; returns its seq (every table of this kind has `seq INTEGER PRIMARY KEY`, the rowid). */
  insert(row: Partial<Omit<R, 'seq'>> & { id: string }): number {
    const cols = Object.keys(row);
    const sql = `INSERT INTO ${this.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    return Number(this.db.prepare(sql).run(...cols.map((c) => toSql((row as Record<string, unknown>)[c]))).lastInsertRowid);
  }

  /**
   * Inserts a row given whole (every column but seq; the type lists them all) and returns it with its seq, as a
   * read-back would, without reading it back.
   */
  insertRow(row: Omit<R, 'seq'> & { id: string }): R {
    return { ...row, seq: this.insert(row as Partial<Omit<R, 'seq'>> & { id: string }) } as unknown as R;
  }

  get(scope: Scope, id: string): R | undefined {
    return this.db.prepare(this.sql.get).get(id, scope.account, scope.region) as R | undefined;
  }

  /** Rows for these ids in the scope, keyed by id (one query). */
  getMany(scope: Scope, ids: readonly string[]): Map<string, R> {
    const rows = this.db.prepare(this.sql.getMany).all(scope.account, scope.region, JSON.stringify(ids)) as R[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  update(id: string, changes: Partial<Omit<R, 'seq' | 'id'>>): void {
    const cols = Object.keys(changes);
    if (cols.length === 0) return;
    const sql = `UPDATE ${this.name} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
    this.db.prepare(sql).run(...cols.map((c) => toSql((changes as Record<string, unknown>)[c])), id);
  }

  delete(id: string): void {
    this.db.prepare(this.sql.delete).run(id);
  }

  list(scope: Scope, opts: ListOptions = {}): R[] {
    return listRows<R>(this.db, this.listSource, scope, opts);
  }

  /** All rows of the scope whose `column` equals `value`, in creation order. */
  where(scope: Scope, column: string, value: unknown): R[] {
    return this.db
      .prepare(`SELECT * FROM ${this.name} WHERE account = ? AND region = ? AND ${column} = ? ORDER BY seq`)
      .all(scope.account, scope.region, toSql(value)) as R[];
  }

  count(scope: Scope, column: string, value: unknown): number {
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM ${this.name} WHERE account = ? AND region = ? AND ${column} = ?`)
      .get(scope.account, scope.region, toSql(value)) as { n: number };
    return row.n;
  }
}
