/** Instances. Reservations are not a table: instances launched together share a reservation id. */
import type { Database } from './db';
import type { InstanceRow } from './rows';
import { Table } from './table';

export class InstanceRepo extends Table<InstanceRow> {
  constructor(db: Database) {
    super(db, 'instances', { from: 'instances i', alias: 'i', select: 'i.*' });
  }

  /** Terminated instances whose visibility has run out (the back end purges them). */
  expired(before: number): InstanceRow[] {
    return this.db.prepare("SELECT * FROM instances WHERE state = 'terminated' AND terminated_at <= ?").all(before) as InstanceRow[];
  }

  /** The running instance of a scope when there is exactly one (the --imds-port default). */
  runningIds(account?: string): string[] {
    return this.db
      .prepare(`SELECT id FROM instances WHERE state = 'running' ${account ? 'AND account = ?' : ''} ORDER BY seq LIMIT 2`)
      .pluck()
      .all(...(account ? [account] : [])) as string[];
  }

  /** Any instance by id, whatever its scope (IMDS addresses instances by id alone). */
  anyScope(id: string): InstanceRow | undefined {
    return this.db.prepare('SELECT * FROM instances WHERE id = ?').get(id) as InstanceRow | undefined;
  }
}
