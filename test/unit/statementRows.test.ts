/**
 * Database.prepare's statements build rows with one generated literal per column list (src/store/db.ts): the rows
 * must be exactly better-sqlite3's own objects (values, key order, the last of two same-named columns winning),
 * and pluck/iterate must behave as better-sqlite3's.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Database } from '../../src/store';

function withDb(fn: (db: Database) => void): void {
  const db = new Database(':memory:');
  try {
    db.raw.exec("CREATE TABLE t (id TEXT, n INTEGER, x REAL, b BLOB, z TEXT); INSERT INTO t VALUES ('a', 1, 1.5, x'0102', NULL), ('b', 2, NULL, NULL, 'zz')");
    fn(db);
  } finally {
    db.close();
  }
}

test('rows equal better-sqlite3 objects, key order included, for get, all and iterate', () => {
  withDb((db) => {
    const sql = 'SELECT * FROM t ORDER BY id';
    const native = db.raw.prepare(sql).all();
    const ours = db.prepare(sql).all();
    expect(ours).toEqual(native);
    expect(ours.map((r) => Object.keys(r as object))).toEqual(native.map((r) => Object.keys(r as object)));
    expect((ours[0] as { b: Buffer }).b).toEqual(Buffer.from([1, 2]));
    expect(db.prepare('SELECT * FROM t WHERE id = ?').get('b')).toEqual({ id: 'b', n: 2, x: null, b: null, z: 'zz' });
    expect(db.prepare('SELECT * FROM t WHERE id = ?').get('none')).toBeUndefined();
    expect([...db.prepare(sql).iterate()]).toEqual(native);
  });
});

test('a later column of the same name wins, as in better-sqlite3', () => {
  withDb((db) => {
    const sql = "SELECT t.*, 'other' AS id, u.n FROM t JOIN t u ON u.id = 'b' WHERE t.id = 'a'";
    expect(db.prepare(sql).get()).toEqual(db.raw.prepare(sql).get());
    expect(db.prepare(sql).get()).toEqual({ id: 'other', n: 2, x: 1.5, b: Buffer.from([1, 2]), z: null });
  });
});

test('a column named __proto__ is handled as better-sqlite3 handles it: assigned, so never a key', () => {
  withDb((db) => {
    const sql = "SELECT 'v' AS __proto__, 1 AS one";
    const ours = db.prepare(sql).get() as Record<string, unknown>;
    const native = db.raw.prepare(sql).get() as Record<string, unknown>;
    expect(Object.keys(ours)).toEqual(Object.keys(native));
    expect(Object.keys(ours)).toEqual(['one']);
    expect(ours.one).toBe(1);
  });
});

test('pluck gives the first column, for get, all and iterate; writes report their changes', () => {
  withDb((db) => {
    expect(db.prepare('SELECT n FROM t ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(db.prepare('SELECT z FROM t WHERE id = ?').pluck().get('b')).toBe('zz');
    expect([...db.prepare('SELECT id FROM t ORDER BY id DESC').pluck().iterate()]).toEqual(['b', 'a']);
    expect(db.prepare('UPDATE t SET n = n + 1').run().changes).toBe(2);
    expect(db.prepare('SELECT sum(n) AS s FROM t').get()).toEqual({ s: 5 });
  });
});

test('rowsWritten moves with every row a statement changes, and never for reads or writes that change nothing', () => {
  withDb((db) => {
    const before = db.rowsWritten();
    db.prepare('SELECT * FROM t').all();
    db.prepare('UPDATE t SET n = 9 WHERE id = ?').run('none');
    expect(db.rowsWritten()).toBe(before);
    db.prepare('UPDATE t SET n = n + 1').run();
    expect(db.rowsWritten()).toBe(before + 2);
    db.prepare("INSERT INTO t (id) VALUES ('c')").run();
    expect(db.rowsWritten()).toBe(before + 3);
  });
});

test('where code generation from strings is turned off, rows are still built (key by key)', () => {
  // The built module, in a Node started with the flag a hardened host may set through NODE_OPTIONS.
  const script = `
    const { Database } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'dist', 'store', 'db.js'))});
    const db = new Database(':memory:');
    db.raw.exec("CREATE TABLE t (id TEXT, n INTEGER); INSERT INTO t VALUES ('a', 1)");
    process.stdout.write(JSON.stringify(db.prepare('SELECT * FROM t').all()));`;
  const out = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', script], { encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(JSON.parse(out.stdout)).toEqual([{ id: 'a', n: 1 }]);
});
