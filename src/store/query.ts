/**
 * The shared list query behind every Describe*: rows of one scope, optionally restricted to explicit ids and
 * to pushed-down filter clauses, in seq order after a cursor. Statement text depends only on which clauses are
 * present, so the statement cache stays small.
 */
import type { SqlClause } from '../filters/engine';
import type { Database } from './db';

/**
 * A LIMIT bound as a parameter. SQLite (3.4x) reads a bare `LIMIT ?`'s value while planning, so every new value
 * bound to it re-prepares the statement on its next step: measured, that tripled the cost of fetching one wide row
 * (17 -> 45 us for an instance). `(? + 0)` is an expression the planner does not look into: one plan for all values.
 */
export const BOUND_LIMIT = 'LIMIT (? + 0)';

export interface Scope {
  account: string;
  region: string;
}

export interface ListOptions {
  ids?: readonly string[];
  clauses?: readonly SqlClause[];
  afterSeq?: number;
  limit?: number;
}

export interface ListSource {
  /** FROM clause, e.g. `vpcs v` or `network_interfaces n LEFT JOIN attachments a ON …`. */
  from: string;
  /** Alias of the main table (carries seq, id, account, region). */
  alias: string;
  /** SELECT list, e.g. `v.*`. */
  select: string;
}

export function listRows<R>(db: Database, source: ListSource, scope: Scope, opts: ListOptions = {}): R[] {
  const a = source.alias;
  // With ids or filter clauses, `+` keeps SQLite from choosing the (account, region, seq) index, which it rates as
  // selective as a unique id and would scan the whole scope with; the id / filter indexes are far narrower.
  const narrowed = opts.ids !== undefined || (opts.clauses?.length ?? 0) > 0;
  const scoped = (col: string) => (narrowed ? `+${a}.${col}` : `${a}.${col}`);
  const where = [`${scoped('account')} = ?`, `${scoped('region')} = ?`, `${a}.seq > ?`];
  const params: unknown[] = [scope.account, scope.region, opts.afterSeq ?? 0];
  if (opts.ids) {
    where.push(`${a}.id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(opts.ids));
  }
  // In one canonical order (by text): the same filters in any order are then one SQL text, one cached statement.
  for (const c of [...(opts.clauses ?? [])].sort((x, y) => (x.sql < y.sql ? -1 : x.sql > y.sql ? 1 : 0))) {
    where.push(`(${c.sql})`);
    params.push(...c.params);
  }
  const sql = `SELECT ${source.select} FROM ${source.from} WHERE ${where.join(' AND ')} ORDER BY ${a}.seq ${BOUND_LIMIT}`;
  params.push(opts.limit ?? -1);
  return db.prepare(sql).all(...params) as R[];
}

/** Which of `ids` exist in the scope (one indexed query). */
export function existingIds(db: Database, table: string, scope: Scope, ids: readonly string[]): Set<string> {
  const rows = db
    .prepare(`SELECT id FROM ${table} WHERE +account = ? AND +region = ? AND id IN (SELECT value FROM json_each(?))`)
    .all(scope.account, scope.region, JSON.stringify(ids)) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

/**
 * Rows of a batch query keyed by one of their columns: `sql` must take the JSON array of ids as its only
 * parameter (`… IN (SELECT value FROM json_each(?))`). Every requested id gets an entry, possibly empty.
 */
export function groupedBy<R>(db: Database, sql: string, ids: readonly string[], key: (row: R) => string): Map<string, R[]> {
  const out = new Map<string, R[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  // rows come from the first table named after FROM (joined tables only narrow them)
  const table = firstTable(sql);
  if (table !== undefined && db.isSurelyEmpty(table)) return out;
  for (const row of db.prepare(sql).all(JSON.stringify(ids)) as R[]) out.get(key(row))?.push(row);
  return out;
}

const FIRST_TABLE = /\bFROM\s+"?(\w+)/i;
const firstTables = new Map<string, string | undefined>();

/** The table a batch query reads its rows from (cached per SQL text; the texts are the repositories' constants). */
function firstTable(sql: string): string | undefined {
  if (firstTables.has(sql)) return firstTables.get(sql);
  const table = FIRST_TABLE.exec(sql)?.[1]?.toLowerCase();
  if (firstTables.size < 1000) firstTables.set(sql, table); // bounded, should a caller ever build its SQL
  return table;
}

/** The lowest number in [from, to) that `used` (ascending, all ≥ from) does not contain; undefined when full. */
export function firstGap(used: Iterable<number>, from: number, to: number): number | undefined {
  let expected = from;
  for (const n of used) {
    if (n > expected) break;
    expected = n + 1;
  }
  return expected < to ? expected : undefined;
}

export const int = (b: boolean | undefined): number => (b ? 1 : 0);
