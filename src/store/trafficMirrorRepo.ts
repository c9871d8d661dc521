/** Traffic mirror targets, filters with their rules, and sessions (schema 013). */
import type { Database } from './db';
import { groupedBy } from './query';
import type { TrafficMirrorFilterRow, TrafficMirrorFilterRuleRow, TrafficMirrorSessionRow, TrafficMirrorTargetRow } from './rows';
import { Table } from './table';

export class TrafficMirrorTargetRepo extends Table<TrafficMirrorTargetRow> {
  constructor(db: Database) {
    super(db, 'traffic_mirror_targets', { from: 'traffic_mirror_targets m', alias: 'm', select: 'm.*' });
  }

  ofInterface(eniId: string): TrafficMirrorTargetRow | undefined {
    return this.db.prepare('SELECT * FROM traffic_mirror_targets WHERE network_interface_id = ?').get(eniId) as TrafficMirrorTargetRow | undefined;
  }
}

export class TrafficMirrorFilterRepo extends Table<TrafficMirrorFilterRow> {
  readonly rules: Table<TrafficMirrorFilterRuleRow>;

  constructor(db: Database) {
    super(db, 'traffic_mirror_filters', { from: 'traffic_mirror_filters m', alias: 'm', select: 'm.*' });
    this.rules = new Table(db, 'traffic_mirror_filter_rules');
  }

  rulesOf(filterIds: readonly string[]): Map<string, TrafficMirrorFilterRuleRow[]> {
    return groupedBy<TrafficMirrorFilterRuleRow>(
      this.db,
      'SELECT * FROM traffic_mirror_filter_rules WHERE filter_id IN (SELECT value FROM json_each(?)) ORDER BY rule_number, seq',
      filterIds,
      (r) => r.filter_id,
    );
  }

  ruleAt(filterId: string, direction: string, ruleNumber: number): TrafficMirrorFilterRuleRow | undefined {
    return this.db
      .prepare('SELECT * FROM traffic_mirror_filter_rules WHERE filter_id = ? AND direction = ? AND rule_number = ?')
      .get(filterId, direction, ruleNumber) as TrafficMirrorFilterRuleRow | undefined;
  }
}

export class TrafficMirrorSessionRepo extends Table<TrafficMirrorSessionRow> {
  constructor(db: Database) {
    super(db, 'traffic_mirror_sessions', { from: 'traffic_mirror_sessions m', alias: 'm', select: 'm.*' });
  }

  countUsing(column: 'target_id' | 'filter_id', id: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM traffic_mirror_sessions WHERE ${column} = ?`).get(id) as { n: number }).n;
  }

  bySessionNumber(eniId: string, sessionNumber: number): TrafficMirrorSessionRow | undefined {
    return this.db
      .prepare('SELECT * FROM traffic_mirror_sessions WHERE network_interface_id = ? AND session_number = ?')
      .get(eniId, sessionNumber) as TrafficMirrorSessionRow | undefined;
  }
}
