/**
 * VPC peering connections (schema 014). A connection belongs to two scopes: every read goes through the side row
 * of the caller's scope, so the requester and the accepter each see it (and page over it) in their own order.
 */
import type { Database } from './db';
import { listRows, ListOptions, ListSource, Scope } from './query';
import type { VpcPeeringRow } from './rows';
import { toSql } from './table';

type Connection = Omit<VpcPeeringRow, 'seq'>;

export class VpcPeeringRepo {
  readonly listSource: ListSource = {
    from: 'vpc_peering_sides s JOIN vpc_peering_connections p ON p.id = s.id',
    alias: 's',
    select: 's.seq, p.*',
  };

  constructor(private readonly db: Database) {}

  /** The connection and a side for each scope that sees it (one when both are the same scope). */
  insert(row: Connection): void {
    const cols = Object.keys(row);
    this.db
      .prepare(`INSERT INTO vpc_peering_connections (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => toSql((row as Record<string, unknown>)[c])));
    const side = this.db.prepare('INSERT OR IGNORE INTO vpc_peering_sides (id, account, region) VALUES (?, ?, ?)');
    side.run(row.id, row.account, row.region);
    side.run(row.id, row.accepter_account, row.accepter_region);
  }

  /** The connection if the scope is one of its two sides. */
  get(scope: Scope, id: string): VpcPeeringRow | undefined {
    return this.db
      .prepare(`SELECT ${this.listSource.select} FROM ${this.listSource.from} WHERE s.id = ? AND s.account = ? AND s.region = ?`)
      .get(id, scope.account, scope.region) as VpcPeeringRow | undefined;
  }

  /** The connection whatever the scope (back-end steps and route state, which may run in the other side's scope). */
  byId(id: string): Omit<VpcPeeringRow, 'seq'> | undefined {
    return this.db.prepare('SELECT * FROM vpc_peering_connections WHERE id = ?').get(id) as Connection | undefined;
  }

  update(id: string, changes: Partial<Omit<Connection, 'id'>>): void {
    const cols = Object.keys(changes);
    if (cols.length === 0) return;
    this.db
      .prepare(`UPDATE vpc_peering_connections SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
      .run(...cols.map((c) => toSql((changes as Record<string, unknown>)[c])), id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM vpc_peering_connections WHERE id = ?').run(id);
  }

  list(scope: Scope, opts: ListOptions = {}): VpcPeeringRow[] {
    return listRows<VpcPeeringRow>(this.db, this.listSource, scope, opts);
  }

  /** An active connection between these two VPCs (either way round) other than `exceptId`. */
  activeBetween(vpcA: string, vpcB: string, exceptId = ''): Connection | undefined {
    return this.db
      .prepare(
        `SELECT * FROM vpc_peering_connections WHERE status_code = 'active' AND id <> ?
         AND ((requester_vpc_id = ? AND accepter_vpc_id = ?) OR (requester_vpc_id = ? AND accepter_vpc_id = ?))`,
      )
      .get(exceptId, vpcA, vpcB, vpcB, vpcA) as Connection | undefined;
  }

  /** Connections that are not over (not deleted, rejected or failed) with this VPC on either side. */
  liveOfVpc(vpcId: string): Connection[] {
    return this.db
      .prepare(
        `SELECT * FROM vpc_peering_connections WHERE (requester_vpc_id = ? OR accepter_vpc_id = ?)
         AND status_code IN ('initiating-request', 'pending-acceptance', 'active')`,
      )
      .all(vpcId, vpcId) as Connection[];
  }
}
