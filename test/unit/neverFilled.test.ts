/**
 * Batch readers skip tables that have surely no row (Database.isSurelyEmpty): a table leaves that set as soon as an
 * insert into it is prepared, stays out once emptied again, and a --db file's filled tables are never in it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Database, Store } from '../../src/store';

test('a table is surely empty until an insert into it is prepared, and never again after', () => {
  const store = new Store(new Database(':memory:'));
  const { db } = store;
  expect(db.isSurelyEmpty('ipv6_prefixes')).toBe(true);
  expect(db.isSurelyEmpty('ipv4_prefixes')).toBe(true);
  const scope = { account: '123456789012', region: 'us-east-1' };
  // the batch reader answers an empty group per id without asking SQLite
  expect(store.ipv4Prefixes.ofInterfaces(['eni-1'])).toEqual(new Map([['eni-1', []]]));
  store.tx(() => store.clientTokens.put(scope, 'RunInstances', 't1', 'h1', '<x/>', 0));
  expect(db.isSurelyEmpty('client_tokens')).toBe(false);
  db.prepare('INSERT OR REPLACE INTO ipv6_prefixes (network_interface_id, subnet_id, prefix, account, region, seq) VALUES (?, ?, ?, ?, ?, ?)');
  expect(db.isSurelyEmpty('ipv6_prefixes')).toBe(false);
  db.raw.exec('DELETE FROM client_tokens');
  expect(db.isSurelyEmpty('client_tokens')).toBe(false); // conservative: emptied is not "surely empty"
  db.close();
});

test('a reopened --db file does not count its filled tables as empty', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-never-filled-'));
  const file = path.join(dir, 'state.db');
  try {
    const first = new Store(new Database(file));
    first.tx(() => first.clientTokens.put({ account: '123456789012', region: 'us-east-1' }, 'RunInstances', 't1', 'h1', '<x/>', 0));
    first.db.close();
    const second = new Database(file);
    expect(second.isSurelyEmpty('client_tokens')).toBe(false);
    expect(second.isSurelyEmpty('ipv6_prefixes')).toBe(true);
    second.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('statements prepared ahead (the start-up warm-up) leave their tables surely empty until they run', () => {
  const store = new Store(new Database(':memory:'));
  const { db } = store;
  const insert = 'INSERT INTO client_tokens (account, region, action, token, params_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
  db.prepareAhead([insert, 'SELECT * FROM client_tokens WHERE token = ?']);
  expect(db.cachedStatements).toBe(2);
  expect(db.isSurelyEmpty('client_tokens')).toBe(true);
  store.tx(() => store.clientTokens.put({ account: '123456789012', region: 'us-east-1' }, 'RunInstances', 't1', 'h1', '<x/>', 0));
  expect(db.isSurelyEmpty('client_tokens')).toBe(false);
  db.close();
});
