/** Key pairs. */
import type { Database } from './db';
import type { Scope } from './query';
import type { KeyPairRow } from './rows';
import { Table } from './table';

export class KeyPairRepo extends Table<KeyPairRow> {
  constructor(db: Database) {
    super(db, 'key_pairs', { from: 'key_pairs k', alias: 'k', select: 'k.*' });
  }

  byName(scope: Scope, name: string): KeyPairRow | undefined {
    return this.db.prepare('SELECT * FROM key_pairs WHERE account = ? AND region = ? AND name = ?').get(scope.account, scope.region, name) as
      | KeyPairRow
      | undefined;
  }
}
