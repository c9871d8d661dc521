/** EC2 Fleets, their history and Spot Instance requests (schema 013). */
import type { Database } from './db';
import type { FleetEventRow, FleetRow, InstanceRow, SpotFleetRow, SpotRequestRow } from './rows';
import { BOUND_LIMIT, ListOptions, listRows, Scope } from './query';
import { Table } from './table';

export class FleetRepo extends Table<FleetRow> {
  constructor(db: Database) {
    super(db, 'fleets', { from: 'fleets f', alias: 'f', select: 'f.*' });
  }

  /** The fleet's instances that are not terminated, in launch order (DescribeFleetInstances, capacity). */
  liveInstances(fleetId: string): InstanceRow[] {
    return this.db
      .prepare(`SELECT * FROM instances WHERE fleet_id = ? AND state NOT IN ('shutting-down', 'terminated') ORDER BY seq`)
      .all(fleetId) as InstanceRow[];
  }

  /** A page of the fleet's live instances (DescribeFleetInstances: filters and NextToken over instances). */
  instancesPage(scope: Scope, fleetId: string, opts: ListOptions): InstanceRow[] {
    const live = { sql: "i.fleet_id = ? AND i.state NOT IN ('shutting-down', 'terminated')", params: [fleetId] };
    return listRows<InstanceRow>(this.db, { from: 'instances i', alias: 'i', select: 'i.*' }, scope, { ...opts, clauses: [...(opts.clauses ?? []), live] });
  }

  /** Live instances of several fleets, keyed by fleet (DescribeFleets' Instances). */
  liveInstancesOf(fleetIds: readonly string[]): Map<string, InstanceRow[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM instances WHERE fleet_id IN (SELECT value FROM json_each(?)) AND state NOT IN ('shutting-down', 'terminated') ORDER BY seq`,
      )
      .all(JSON.stringify(fleetIds)) as InstanceRow[];
    const out = new Map<string, InstanceRow[]>();
    for (const r of rows) {
      const list = out.get(r.fleet_id!) ?? [];
      list.push(r);
      out.set(r.fleet_id!, list);
    }
    return out;
  }
}

export class FleetEventRepo {
  constructor(private readonly db: Database) {}

  add(e: Omit<FleetEventRow, 'seq'>): void {
    this.db
      .prepare('INSERT INTO fleet_events (fleet_id, at, event_type, event_subtype, instance_id, description) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.fleet_id, e.at, e.event_type, e.event_subtype, e.instance_id, e.description);
  }

  /** Events at or after `from`, optionally of one type, after a cursor (seq), at most `limit`. */
  list(fleetId: string, from: number, eventType: string | undefined, afterSeq: number, limit: number): FleetEventRow[] {
    return this.db
      .prepare(
        `SELECT * FROM fleet_events WHERE fleet_id = ? AND at >= ? AND (? IS NULL OR event_type = ?) AND seq > ? ORDER BY seq ${BOUND_LIMIT}`,
      )
      .all(fleetId, from, eventType ?? null, eventType ?? null, afterSeq, limit) as FleetEventRow[];
  }
}

export class SpotRequestRepo extends Table<SpotRequestRow> {
  constructor(db: Database) {
    super(db, 'spot_instance_requests', { from: 'spot_instance_requests s', alias: 's', select: 's.*' });
  }

  /** The request an instance was launched for, if any. */
  ofInstance(instanceId: string): SpotRequestRow | undefined {
    return this.db.prepare('SELECT * FROM spot_instance_requests WHERE instance_id = ?').get(instanceId) as SpotRequestRow | undefined;
  }
}

/** Spot Fleet requests (schema 023); their instances and history are read through FleetRepo / FleetEventRepo. */
export class SpotFleetRepo extends Table<SpotFleetRow> {
  constructor(db: Database) {
    super(db, 'spot_fleet_requests', { from: 'spot_fleet_requests s', alias: 's', select: 's.*' });
  }

  /** The request made with this ClientToken in the scope, if any. */
  byClientToken(scope: Scope, token: string): SpotFleetRow | undefined {
    return this.db
      .prepare('SELECT * FROM spot_fleet_requests WHERE account = ? AND region = ? AND client_token = ?')
      .get(scope.account, scope.region, token) as SpotFleetRow | undefined;
  }
}
