/** Dedicated hosts (schema 013). */
import type { Database } from './db';
import type { Scope } from './query';
import type { HostRow, InstanceRow } from './rows';
import { Table } from './table';

export class HostRepo extends Table<HostRow> {
  constructor(db: Database) {
    super(db, 'hosts', { from: 'hosts h', alias: 'h', select: 'h.*' });
  }

  /** Available hosts of a zone with auto-placement on, oldest first (where an untargeted host launch goes). */
  autoPlacementCandidates(scope: Scope, zone: string): HostRow[] {
    return this.db
      .prepare("SELECT * FROM hosts WHERE account = ? AND region = ? AND availability_zone = ? AND state = 'available' AND auto_placement = 'on' ORDER BY seq")
      .all(scope.account, scope.region, zone) as HostRow[];
  }

  /** The instances (not terminated) on each of these hosts. */
  instancesOn(hostIds: readonly string[]): Map<string, InstanceRow[]> {
    const rows = this.db
      .prepare("SELECT * FROM instances WHERE host_id IN (SELECT value FROM json_each(?)) AND state != 'terminated' ORDER BY seq")
      .all(JSON.stringify(hostIds)) as InstanceRow[];
    const out = new Map<string, InstanceRow[]>();
    for (const r of rows) out.set(r.host_id!, [...(out.get(r.host_id!) ?? []), r]);
    return out;
  }
}
