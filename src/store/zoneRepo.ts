/** Zone groups opted in per account and region, and carrier gateways (schema 024). */
import type { Database } from './db';
import type { Scope } from './query';
import type { CarrierGatewayRow } from './rows';
import { Table } from './table';

export class ZoneOptInRepo {
  constructor(private readonly db: Database) {}

  /** The groups this account opted in to in the region. */
  groups(scope: Scope): Set<string> {
    const rows = this.db
      .prepare('SELECT group_name FROM zone_group_opt_ins WHERE account = ? AND region = ?')
      .all(scope.account, scope.region) as Array<{ group_name: string }>;
    return new Set(rows.map((r) => r.group_name));
  }

  optIn(scope: Scope, group: string, now: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO zone_group_opt_ins (account, region, group_name, opted_in_at) VALUES (?, ?, ?, ?)')
      .run(scope.account, scope.region, group, now);
  }
}

export class CarrierGatewayRepo extends Table<CarrierGatewayRow> {
  constructor(db: Database) {
    super(db, 'carrier_gateways', { from: 'carrier_gateways c', alias: 'c', select: 'c.*' });
  }
}
