/** Placement groups (schema 013). */
import type { Database } from './db';
import type { Scope } from './query';
import type { PlacementGroupRow } from './rows';
import { Table } from './table';

export class PlacementGroupRepo extends Table<PlacementGroupRow> {
  constructor(db: Database) {
    super(db, 'placement_groups', { from: 'placement_groups p', alias: 'p', select: 'p.*' });
  }

  byName(scope: Scope, name: string): PlacementGroupRow | undefined {
    return this.db
      .prepare('SELECT * FROM placement_groups WHERE account = ? AND region = ? AND name = ?')
      .get(scope.account, scope.region, name) as PlacementGroupRow | undefined;
  }

  /** Instances not terminated in the group, per zone (the cluster zone rule, the spread limit, DeletePlacementGroup). */
  liveInstancesByZone(groupId: string): Map<string, number> {
    const rows = this.db
      .prepare("SELECT availability_zone AS zone, count(*) AS n FROM instances WHERE placement_group_id = ? AND state != 'terminated' GROUP BY availability_zone")
      .all(groupId) as { zone: string; n: number }[];
    return new Map(rows.map((r) => [r.zone, r.n]));
  }

  /** Instances not terminated in each partition of the group (where a launch without PartitionNumber goes). */
  livePartitions(groupId: string): Map<number, number> {
    const rows = this.db
      .prepare("SELECT partition_number AS p, count(*) AS n FROM instances WHERE placement_group_id = ? AND state != 'terminated' AND partition_number IS NOT NULL GROUP BY partition_number")
      .all(groupId) as { p: number; n: number }[];
    return new Map(rows.map((r) => [r.p, r.n]));
  }
}
