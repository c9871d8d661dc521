/**
 * The SQLite connection: pragmas, ordered migrations from schema/NNN_name.sql, a statement cache (bounded,
 * second-chance eviction, so its size never depends on what clients send) and the transaction helper. SQL lives only under
 * src/store/.
 */
import BetterSqlite3 from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILT_SCHEMA_FILE, type FreshSchema, migrationFiles, readBuiltSchema, SCHEMA_DIR, writeBuiltSchema } from './builtSchema';

/**
 * A prepared statement as the repositories use it: better-sqlite3's, except that rows come back as objects built by
 * one generated object literal per column list. better-sqlite3 adds a row's columns one by one, and past ~16 columns
 * V8 turns such objects into hash maps (instances has 47 columns: every later property read was a hash lookup, and
 * building the row took 10 us); the literal gives all rows of a column list one fixed shape (5.7 us, measured with
 * the same row). Values and column order are better-sqlite3's own (raw mode); a later column of the same name wins,
 * as in better-sqlite3's objects (test/unit/statementRows.test.ts).
 */
export class Statement {
  private mapRow?: RowMapper;
  private plucked = false;

  constructor(
    readonly source: BetterSqlite3.Statement,
    private readonly written: { rows: number } = { rows: 0 },
  ) {
    if (source.reader) source.raw(true);
  }

  /** Only the first column's value (better-sqlite3's pluck; sticky, as there). */
  pluck(): this {
    this.source.pluck(true);
    this.plucked = true;
    return this;
  }

  run(...params: unknown[]): BetterSqlite3.RunResult {
    const result = this.source.run(...params);
    this.written.rows += result.changes;
    return result;
  }

  get(...params: unknown[]): unknown {
    const values = this.source.get(...params);
    return this.plucked || values === undefined ? values : this.rowMapper()(values as unknown[]);
  }

  all(...params: unknown[]): unknown[] {
    const rows = this.source.all(...params);
    if (this.plucked) return rows;
    const map = this.rowMapper();
    for (let i = 0; i < rows.length; i++) rows[i] = map(rows[i] as unknown[]);
    return rows;
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    const map = this.plucked ? undefined : this.rowMapper();
    for (const values of this.source.iterate(...params)) yield map ? map(values as unknown[]) : values;
  }

  private rowMapper(): RowMapper {
    this.mapRow ??= rowMapperFor(this.source.columns().map((c) => c.name));
    return this.mapRow;
  }
}

type RowMapper = (values: unknown[]) => unknown;

/**
 * One mapper per column list, shared by every statement and connection with that list: fewer functions for V8 to
 * compile and optimize, and code warmed by one database (the start-up warm-up's, src/core/warmUp.ts) serves the next.
 */
const ROW_MAPPERS = new Map<string, RowMapper>();

function rowMapperFor(names: string[]): RowMapper {
  const key = names.join('\u0000');
  let map = ROW_MAPPERS.get(key);
  if (map) return map;
  map = names.includes('__proto__') ? assigningMapper(names) : (literalMapper(names) ?? assigningMapper(names));
  ROW_MAPPERS.set(key, map);
  return map;
}

/** `v => ({"id": v[0], "account": v[1], …})`, or undefined where code generation is turned off. */
function literalMapper(names: string[]): RowMapper | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from column names SQLite gave us
    return new Function('v', `return {${names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ')}};`) as RowMapper;
  } catch {
    return undefined; // node --disallow-code-generation-from-strings: rows as better-sqlite3 builds them
  }
}

/**
 * Rows built key by key with plain assignment, as better-sqlite3 builds its own: the fallback, and for a column
 * named `__proto__`, which a literal would make a key while assignment (better-sqlite3's way) sets the prototype.
 */
function assigningMapper(names: string[]): RowMapper {
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
    return row;
  };
}

/**
 * Prepared statements kept. The fixed SQL of all actions is a few hundred texts; filter combinations and orders
 * add one text each, and each statement holds ~20 KB, so an unbounded cache grew by hundreds of MB under random
 * filters. Re-preparing an evicted text costs tens of microseconds.
 */
const STATEMENT_CACHE_SIZE = 500;

/** The table an insert writes (INSERT [OR …] INTO t, REPLACE INTO t): a statement's, or every one a trigger body names. */
const INSERT_INTO = String.raw`(?:INSERT(?:\s+OR\s+\w+)?|REPLACE)\s+INTO\s+"?(\w+)`;
const INSERT_TARGET = new RegExp(`^\\s*${INSERT_INTO}`, 'i');
const INSERT_TARGETS = new RegExp(INSERT_INTO, 'gi');

/**
 * The schema a fresh in-memory database ends up with: the definitions as SQLite stores them (ALTERs and rebuilt
 * tables already folded in), in creation order, replayed in one go instead of running the migration files (~80 ms
 * a database on a 2 GHz EPYC, the replay ~15 ms; start-up opens two, the served one and the warm-up's, and the
 * test suite thousands). It comes from the build (src/store/builtSchema.ts) or, where there is none (sources
 * under ts-jest), from the process's first fresh database, which migrates. Databases in a file always run the
 * migrations, which apply to what the file holds.
 */
let freshSchema: FreshSchema | undefined;
let builtSchemaRead = false;

function knownFreshSchema(): FreshSchema | undefined {
  if (!freshSchema && !builtSchemaRead) {
    builtSchemaRead = true;
    freshSchema = readBuiltSchema();
  }
  return freshSchema;
}

/** `used`: the second-chance bit (see prepare); `fills`: the table an INSERT writes. */
interface CacheEntry {
  stmt: Statement;
  used: boolean;
  fills?: string;
}

export class Database {
  readonly raw: BetterSqlite3.Database;
  /** The cache: insertion order is age. */
  private readonly statements = new Map<string, CacheEntry>();
  /** Rows the cached statements changed directly (see rowsWritten). */
  private readonly written = { rows: 0 };
  /**
   * Tables that have held no row since the connection opened (read once after the migrations). Every insert is
   * prepared through prepare(), which takes its table out of the set just before the statement runs, and no
   * trigger inserts into a table in the set; so a table in the set is surely empty, and batch readers skip the
   * query (most workloads never fill ipv6_addresses, prefixes, reservations, …; each skipped read saved ~5 us).
   * Conservative: a table whose rows were all deleted stays out of the set.
   */
  private readonly neverFilled = new Set<string>();
  /** One transaction function for every tx(): better-sqlite3 builds four wrappers per transaction() call. */
  private readonly runInTx: (fn: () => unknown) => unknown;
  readonly file: string;
  /** True when the schema was replayed from the process's first fresh database instead of migrated (freshSchema). */
  readonly replayed: boolean;

  constructor(
    file = ':memory:',
    private readonly cacheSize = STATEMENT_CACHE_SIZE,
  ) {
    this.file = file;
    this.raw = new BetterSqlite3(file);
    if (file !== ':memory:') {
      // WAL: readers never block the writer; synchronous=NORMAL keeps every committed transaction across a
      // process crash (kill -9): the WAL write happens before COMMIT returns, only an OS crash could lose it.
      this.raw.pragma('journal_mode = WAL');
      this.raw.pragma('synchronous = NORMAL');
    }
    this.raw.pragma('foreign_keys = ON');
    this.raw.pragma('busy_timeout = 5000');
    this.runInTx = this.raw.transaction((fn: () => unknown) => fn());
    const schema = file === ':memory:' ? knownFreshSchema() : undefined;
    this.replayed = schema !== undefined;
    if (schema) {
      this.replay(schema);
      return;
    }
    this.migrate();
    this.findEmptyTables();
    if (file === ':memory:') freshSchema = this.captureSchema();
  }

  /** This database's schema as SQL, with its migration record and empty tables (called on a fresh one). */
  captureSchema(): FreshSchema {
    const ddl = this.raw
      .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
      .pluck()
      .all() as string[];
    const migrations = this.raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as FreshSchema['migrations'];
    return { ddl: ddl.map((sql) => `${sql};`).join('\n'), migrations, neverFilled: [...this.neverFilled] };
  }

  /** A fresh in-memory database made as `schema` says, in one transaction: what migrate() would have made. */
  private replay(schema: FreshSchema): void {
    const appliedAt = new Date().toISOString();
    this.tx(() => {
      this.raw.exec(schema.ddl);
      const record = this.raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const m of schema.migrations) record.run(m.version, m.name, appliedAt);
    });
    for (const table of schema.neverFilled) this.neverFilled.add(table);
  }

  private findEmptyTables(): void {
    const names = this.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const triggerSql = this.raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
    // SQLite's names are case-insensitive: the set holds them in lower case, as the repositories write them.
    const filledByTriggers = new Set(triggerSql.flatMap((sql) => [...sql.matchAll(INSERT_TARGETS)].map((m) => m[1].toLowerCase())));
    for (const name of names) {
      if (filledByTriggers.has(name.toLowerCase())) continue;
      if (this.raw.prepare(`SELECT 1 FROM "${name}" LIMIT 1`).get() === undefined) this.neverFilled.add(name.toLowerCase());
    }
  }

  /** True when `table` (its lower-case name) has surely no row (see neverFilled); false means it may have some. */
  isSurelyEmpty(table: string): boolean {
    return this.neverFilled.has(table);
  }

  /** Applies schema/*.sql files whose number is above the stored version, each in its own transaction. */
  private migrate(): void {
    this.raw.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (this.raw.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
    );
    for (const file of migrationFiles()) {
      const version = Number(file.slice(0, 3));
      if (applied.has(version)) continue;
      const sql = fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8');
      this.raw.transaction(() => {
        this.raw.exec(sql);
        this.raw
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(version, file, new Date().toISOString());
      })();
    }
  }

  /**
   * A prepared statement for this SQL text, prepared on first use and reused while it stays in the cache. Eviction
   * is second-chance (CLOCK): a hit only sets a bit, so the hot path does no Map reordering; when the cache is full
   * the oldest entry without the bit goes, and the ones passed over lose theirs.
   */
  prepare(sql: string): Statement {
    const hit = this.statements.get(sql);
    if (hit) {
      hit.used = true;
      if (hit.fills !== undefined) this.neverFilled.delete(hit.fills);
      return hit.stmt;
    }
    const entry = this.newEntry(sql);
    if (this.statements.size >= this.cacheSize) this.evictOne();
    if (entry.fills !== undefined) this.neverFilled.delete(entry.fills);
    this.statements.set(sql, entry);
    return entry.stmt;
  }

  /** A cache entry for this text: the statement prepared, not yet used, and the table it inserts into, if any. */
  private newEntry(sql: string): CacheEntry {
    return { stmt: new Statement(this.raw.prepare(sql), this.written), used: false, fills: INSERT_TARGET.exec(sql)?.[1]?.toLowerCase() };
  }

  /** The SQL texts cached now (the start-up warm-up hands its own to the served database). */
  statementTexts(): string[] {
    return [...this.statements.keys()];
  }

  /**
   * Prepares texts ahead of their first use (at start-up, src/core/warmUp.ts), while the cache has room. Nothing
   * runs, so the never-filled tracking stays as it is: an insert's table leaves the set when the insert is used.
   */
  prepareAhead(texts: readonly string[]): void {
    for (const sql of texts) {
      if (this.statements.size >= this.cacheSize) return;
      if (!this.statements.has(sql)) this.statements.set(sql, this.newEntry(sql));
    }
  }

  private evictOne(): void {
    for (const [sql, entry] of this.statements) {
      this.statements.delete(sql);
      if (!entry.used) return;
      // Recently used: a second chance at the young end.
      entry.used = false;
      this.statements.set(sql, entry);
    }
  }

  /** How many statements the cache holds (for tests and the benchmark). */
  get cachedStatements(): number {
    return this.statements.size;
  }

  /** Runs fn in a transaction (a savepoint when nested); an exception rolls everything back. */
  tx<T>(fn: () => T): T {
    return this.runInTx(fn) as T;
  }

  /**
   * Rows changed directly by statements run through prepare(), since the connection opened: tells a request that
   * wrote from a read-only one without asking SQLite (`total_changes()` was two statements per request). Rows that
   * triggers and cascades change are not counted, but they change only when a statement changes a row itself.
   */
  rowsWritten(): number {
    return this.written.rows;
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction;
  }

  /** Deletes every row of every table but the migration record (the reset endpoints). */
  wipe(): void {
    const tables = (
      this.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
        .all() as Array<{ name: string }>
    ).map((r) => r.name);
    this.raw.pragma('foreign_keys = OFF');
    try {
      this.tx(() => {
        for (const t of tables) this.raw.exec(`DELETE FROM "${t}"`);
      });
    } finally {
      this.raw.pragma('foreign_keys = ON');
    }
  }

  close(): void {
    if (!this.raw.open) return;
    if (this.file !== ':memory:') this.raw.pragma('wal_checkpoint(TRUNCATE)');
    this.raw.close();
  }
}

/**
 * `npm run build`'s last step: the schema the migrations make, written beside the compiled code for
 * readBuiltSchema. Made in a scratch file database, which always migrates (whatever an older build wrote).
 */
export function writeFreshSchemaFile(file = BUILT_SCHEMA_FILE): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-schema-'));
  try {
    const db = new Database(path.join(dir, 'fresh.db'));
    try {
      writeBuiltSchema(db.captureSchema(), file);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
