/** On-Demand Capacity Reservations (schema 036) and the instances running in them. */
import type { Database } from './db';
import type { Scope } from './query';
import type { CapacityReservationRow } from './rows';
import { Table } from './table';

/** The instance states that hold a place in a reservation. */
const HOLDING = "('pending', 'running')";

export class CapacityReservationRepo extends Table<CapacityReservationRow> {
  constructor(db: Database) {
    super(db, 'capacity_reservations', { from: 'capacity_reservations c', alias: 'c', select: 'c.*' });
  }

  /** Places taken in each reservation (pending and running instances), by id. */
  usedCounts(ids: readonly string[]): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT capacity_reservation_id AS id, count(*) AS n FROM instances
         WHERE capacity_reservation_id IN (SELECT value FROM json_each(?)) AND state IN ${HOLDING} GROUP BY capacity_reservation_id`,
      )
      .all(JSON.stringify(ids)) as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Its instances leave a reservation that was cancelled or has expired. */
  releaseInstances(id: string): void {
    this.db.prepare('UPDATE instances SET capacity_reservation_id = NULL WHERE capacity_reservation_id = ?').run(id);
  }

  /** The account's active open reservations a launch of this type in this zone could use, oldest first. */
  openMatches(scope: Scope, instanceType: string, zone: string): CapacityReservationRow[] {
    return this.db
      .prepare(
        `SELECT * FROM capacity_reservations WHERE account = ? AND region = ? AND instance_type = ? AND availability_zone = ?
         AND state = 'active' AND instance_match_criteria = 'open' ORDER BY seq`,
      )
      .all(scope.account, scope.region, instanceType, zone) as CapacityReservationRow[];
  }
}
