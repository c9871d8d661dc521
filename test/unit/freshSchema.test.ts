/**
 * Later in-memory databases of a process get their schema replayed from the first one's (src/store/db.ts,
 * freshSchema) instead of running the migration files: the result must be what the migrations make, object for
 * object, with the same migration record and the same tables known to be empty; so must the schema the build
 * writes (src/store/builtSchema.ts), which even the first in-memory database of a built server replays.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Database } from '../../src/store';
import { migrationFiles, readBuiltSchema, SCHEMA_DIR } from '../../src/store/builtSchema';
import { writeFreshSchemaFile } from '../../src/store/db';

const schemaOf = (db: Database) => ({
  objects: db.raw.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all(),
  migrations: db.raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all(),
  tables: db.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
});

test('a replayed in-memory database has the schema, migration record and empty tables the migrations give', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-fresh-'));
  try {
    const migrated = new Database(path.join(dir, 'state.db')); // a file: always migrated
    const first = new Database();
    const replayed = new Database();
    expect(migrated.replayed).toBe(false);
    expect(replayed.replayed).toBe(true);
    const want = schemaOf(migrated);
    expect(want.objects.length).toBeGreaterThan(300); // tables, indexes (SQLite's own too) and triggers
    expect(want.migrations.length).toBe(fs.readdirSync(path.resolve(__dirname, '..', '..', 'schema')).filter((f) => /^\d{3}_/.test(f)).length);
    expect(schemaOf(first)).toEqual(want);
    expect(schemaOf(replayed)).toEqual(want);
    const empty = (db: Database) => want.tables.filter((t) => db.isSurelyEmpty(t.toLowerCase()));
    expect(empty(replayed)).toEqual(empty(migrated));
    expect(empty(replayed).length).toBeGreaterThan(50);
    // Connection settings are not part of the schema: set on the replayed one as on any other.
    expect(replayed.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    for (const db of [migrated, first, replayed]) db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the schema the build writes is what the migrations make, and is ignored once schema/ changes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-built-'));
  try {
    const file = path.join(dir, 'fresh-schema.json');
    writeFreshSchemaFile(file);
    const migrated = new Database(path.join(dir, 'state.db'));
    const built = readBuiltSchema(file);
    expect(built).toBeDefined();
    expect(built).toEqual(migrated.captureSchema());
    migrated.close();

    // A copy of schema/ with one more migration: the built file no longer describes it.
    const schemaCopy = path.join(dir, 'schema');
    fs.cpSync(SCHEMA_DIR, schemaCopy, { recursive: true });
    expect(readBuiltSchema(file, schemaCopy)).toEqual(built);
    const last = migrationFiles(schemaCopy).at(-1)!;
    fs.writeFileSync(path.join(schemaCopy, `${String(Number(last.slice(0, 3)) + 1).padStart(3, '0')}_added.sql`), 'CREATE TABLE added (id TEXT);');
    expect(readBuiltSchema(file, schemaCopy)).toBeUndefined();
    // A changed migration text too.
    fs.rmSync(path.join(schemaCopy, migrationFiles(schemaCopy).at(-1)!));
    fs.appendFileSync(path.join(schemaCopy, last), '\n-- edited\n');
    expect(readBuiltSchema(file, schemaCopy)).toBeUndefined();
    expect(readBuiltSchema(path.join(dir, 'missing.json'))).toBeUndefined();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
