/**
 * The SQLite connection: pragmas, ordered migrations from schema/NNN_name.sql, a statement cache (bounded,
 * second-chance eviction, so its size never depends on what clients send) and the transaction helper. SQL lives only under
 * src/store/.
 */
import BetterSqlite3 from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Statement = BetterSqlite3.Statement;

/**
 * Prepared statements kept. The fixed SQL of all actions is a few hundred texts; filter combinations and orders
 * add one text each, and each statement holds ~20 KB, so an unbounded cache grew by hundreds of MB under random
 * filters. Re-preparing an evicted text costs tens of microseconds.
 */
const STATEMENT_CACHE_SIZE = 500;

/** schema/ sits beside src/ and dist/, so the same relative path works from sources (ts-jest) and the build. */
const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

export class Database {
  readonly raw: BetterSqlite3.Database;
  /** The cache: insertion order is age; `used` is the second-chance bit (see prepare). */
  private readonly statements = new Map<string, { stmt: Statement; used: boolean }>();
  /** One transaction function for every tx(): better-sqlite3 builds four wrappers per transaction() call. */
  private readonly runInTx: (fn: () => unknown) => unknown;
  readonly file: string;

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
    this.migrate();
  }

  /** Applies schema/*.sql files whose number is above the stored version, each in its own transaction. */
  private migrate(): void {
    this.raw.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (this.raw.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
    );
    const files = fs
      .readdirSync(SCHEMA_DIR)
      .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
      .sort();
    for (const file of files) {
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
      return hit.stmt;
    }
    const stmt = this.raw.prepare(sql);
    if (this.statements.size >= this.cacheSize) this.evictOne();
    this.statements.set(sql, { stmt, used: false });
    return stmt;
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

  /** Rows changed since the connection opened (to tell a write from a read-only request). */
  totalChanges(): number {
    return this.prepare('SELECT total_changes()').pluck().get() as number;
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
