/** DHCP option sets and their key/value lists. */
import type { Database } from './db';
import { groupedBy, Scope } from './query';
import type { DhcpOptionsRow, DhcpOptionValueRow } from './rows';
import { Table } from './table';

export class DhcpOptionsRepo extends Table<DhcpOptionsRow> {
  constructor(db: Database) {
    super(db, 'dhcp_options', { from: 'dhcp_options d', alias: 'd', select: 'd.*' });
  }

  /** The scope's default set (made by the emulator), if it still exists. */
  defaultSet(scope: Scope): DhcpOptionsRow | undefined {
    return this.db
      .prepare('SELECT * FROM dhcp_options WHERE account = ? AND region = ? AND is_default = 1 ORDER BY seq LIMIT 1')
      .get(scope.account, scope.region) as DhcpOptionsRow | undefined;
  }

  insertValues(setId: string, values: ReadonlyArray<{ key: string; value: string }>): void {
    const stmt = this.db.prepare('INSERT INTO dhcp_option_values (dhcp_options_id, key, value) VALUES (?, ?, ?)');
    for (const v of values) stmt.run(setId, v.key, v.value);
  }

  /** Values of these sets, by key then in the order given. */
  valuesOf(setIds: readonly string[]): Map<string, DhcpOptionValueRow[]> {
    return groupedBy<DhcpOptionValueRow>(
      this.db,
      'SELECT * FROM dhcp_option_values WHERE dhcp_options_id IN (SELECT value FROM json_each(?)) ORDER BY key, seq',
      setIds,
      (r) => r.dhcp_options_id,
    );
  }

  /** VPCs using the set (DeleteDhcpOptions' dependency check). */
  vpcCount(setId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM vpcs WHERE dhcp_options_id = ?').get(setId) as { n: number }).n;
  }
}
