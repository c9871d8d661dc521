/**
 * Schema 027 adds tags.value_reversed for filters that start with `*`: a --db file from before it gets the column
 * filled by SQL, and that SQL must reverse exactly as TagRepo does for new tags (by code point), or a suffix filter
 * would miss the older tags.
 */
import BetterSqlite3 from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Database } from '../../src/store';
import { reverseText } from '../../src/filters/glob';

const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');
const VALUES = ['web-42', '', 'café', 'x😀y', 'a\\b', '[*?]'];

test('tags written before schema 027 are reversed by the migration as TagRepo reverses new ones', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-027-'));
  const file = path.join(dir, 'state.db');
  try {
    // A database as schema 026 left it, with tags in it.
    const old = new BetterSqlite3(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const f of fs.readdirSync(SCHEMA_DIR).filter((n) => /^\d{3}_/.test(n)).sort()) {
      const version = Number(f.slice(0, 3));
      if (version > 26) continue;
      old.exec(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(version, f, '2026-01-01T00:00:00Z');
    }
    const insert = old.prepare("INSERT INTO tags (resource_id, key, value, account, region, resource_type) VALUES (?, 'Name', ?, '123456789012', 'us-east-1', 'vpc')");
    VALUES.forEach((v, i) => insert.run(`vpc-${i}`, v));
    old.close();

    const db = new Database(file); // applies 027
    const rows = db.raw.prepare('SELECT value, value_reversed FROM tags ORDER BY seq').all() as Array<{ value: string; value_reversed: string }>;
    expect(rows.map((r) => r.value)).toEqual(VALUES);
    expect(rows.map((r) => r.value_reversed)).toEqual(VALUES.map(reverseText));
    expect(reverseText('x😀y')).toBe('y😀x'); // by code point, not UTF-16 unit
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
