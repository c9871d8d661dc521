/**
 * The fresh schema, written by `npm run build` beside the compiled code (dist/store/fresh-schema.json) so that
 * even a process's first in-memory database replays it instead of running the migration files: the 38 files
 * took ~80 ms of a 2 GHz EPYC's start-up, the replay ~15 ms, and start-up time is warm-up time lost
 * (src/core/warmUp.ts). The file names the migration files it was made from (names and a hash of their text);
 * when schema/ holds anything else (a migration added without a rebuild), it is ignored and the migrations run.
 * Databases in a file always run the migrations (src/store/db.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a fresh in-memory database is made of (src/store/db.ts replays it). */
export interface FreshSchema {
  ddl: string;
  migrations: Array<{ version: number; name: string }>;
  neverFilled: string[];
}

/** schema/ sits beside src/ and dist/, so the same relative path works from sources (ts-jest) and the build. */
export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

/** Beside this module: dist/store/ in the build; under src/ (ts-jest) there is none, and the migrations run. */
export const BUILT_SCHEMA_FILE = path.join(__dirname, 'fresh-schema.json');

/** The migration files, in the order they apply. */
export function migrationFiles(dir = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/** Names and text of every migration file. */
export function migrationsFingerprint(dir = SCHEMA_DIR): string {
  const hash = createHash('sha256');
  for (const name of migrationFiles(dir)) hash.update(name).update('\0').update(fs.readFileSync(path.join(dir, name))).update('\0');
  return hash.digest('hex');
}

interface BuiltSchema extends FreshSchema {
  fingerprint: string;
}

/** The built schema, if there is one and it was made from the migration files schema/ holds now. */
export function readBuiltSchema(file = BUILT_SCHEMA_FILE, dir = SCHEMA_DIR): FreshSchema | undefined {
  let built: BuiltSchema;
  try {
    built = JSON.parse(fs.readFileSync(file, 'utf8')) as BuiltSchema;
  } catch {
    return undefined; // not built (sources under ts-jest) or unreadable: migrate
  }
  if (built.fingerprint !== migrationsFingerprint(dir)) return undefined;
  return { ddl: built.ddl, migrations: built.migrations, neverFilled: built.neverFilled };
}

/** Writes `schema` (what the migrations made) for readBuiltSchema; `npm run build` calls it (see db.ts). */
export function writeBuiltSchema(schema: FreshSchema, file = BUILT_SCHEMA_FILE, dir = SCHEMA_DIR): void {
  const built: BuiltSchema = { fingerprint: migrationsFingerprint(dir), ...schema };
  fs.writeFileSync(file, JSON.stringify(built));
}
