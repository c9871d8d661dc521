/** Managed prefix lists and their versioned entries (schema 013). */
import type { Database } from './db';
import { groupedBy, type ListOptions, listRows, type Scope } from './query';
import type { PrefixListEntryRow, PrefixListRow } from './rows';
import { Table } from './table';

/** The owner of the AWS-managed lists (their `account` column). */
export const AWS_OWNER = 'AWS';

export class PrefixListRepo extends Table<PrefixListRow> {
  constructor(db: Database) {
    super(db, 'prefix_lists', { from: 'prefix_lists p', alias: 'p', select: 'p.*' });
  }

  /** The account's own list, or an AWS-managed list of the region. */
  visible(scope: Scope, id: string): PrefixListRow | undefined {
    return this.db
      .prepare('SELECT * FROM prefix_lists WHERE id = ? AND +region = ? AND +account IN (?, ?)')
      .get(id, scope.region, scope.account, AWS_OWNER) as PrefixListRow | undefined;
  }

  /** Describe's rows: the account's lists and the region's AWS-managed ones, in one seq order. */
  listVisible(scope: Scope, opts: ListOptions): PrefixListRow[] {
    const aws = listRows<PrefixListRow>(this.db, this.listSource, { account: AWS_OWNER, region: scope.region }, opts);
    const own = listRows<PrefixListRow>(this.db, this.listSource, scope, opts);
    const all = [...aws, ...own].sort((a, b) => a.seq - b.seq);
    return opts.limit !== undefined && opts.limit >= 0 ? all.slice(0, opts.limit) : all;
  }

  /** AWS's list of a service in the region, by name. */
  awsByName(region: string, name: string): PrefixListRow | undefined {
    return this.db.prepare('SELECT * FROM prefix_lists WHERE region = ? AND name = ? AND account = ?').get(region, name, AWS_OWNER) as PrefixListRow | undefined;
  }

  insertIfAbsent(row: Omit<PrefixListRow, 'seq'>): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO prefix_lists (id, account, region, name, address_family, max_entries, version, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, row.account, row.region, row.name, row.address_family, row.max_entries, row.version, row.state, row.created_at);
  }

  entries(id: string, version: number): PrefixListEntryRow[] {
    return this.db.prepare('SELECT * FROM prefix_list_entries WHERE prefix_list_id = ? AND version = ? ORDER BY cidr').all(id, version) as PrefixListEntryRow[];
  }

  hasVersion(id: string, version: number): boolean {
    return this.db.prepare('SELECT 1 FROM prefix_list_entries WHERE prefix_list_id = ? AND version = ? LIMIT 1').get(id, version) !== undefined;
  }

  insertEntries(id: string, version: number, entries: ReadonlyArray<{ cidr: string; description: string | null }>): void {
    const stmt = this.db.prepare('INSERT OR IGNORE INTO prefix_list_entries (prefix_list_id, version, cidr, description) VALUES (?, ?, ?, ?)');
    for (const e of entries) stmt.run(id, version, e.cidr, e.description);
  }

  /** Route tables whose routes go to the list (its associations). */
  routeTablesUsing(id: string): string[] {
    return (this.db.prepare('SELECT DISTINCT route_table_id AS id FROM routes WHERE destination_cidr = ? ORDER BY route_table_id').all(id) as Array<{ id: string }>).map((r) => r.id);
  }

  /** Security groups whose rules name the list. */
  groupsUsing(id: string): string[] {
    return (this.db.prepare('SELECT DISTINCT group_id AS id FROM security_group_rules WHERE prefix_list_id = ? ORDER BY group_id').all(id) as Array<{ id: string }>).map((r) => r.id);
  }

  /** Entry counts of the lists' current versions (the view's batch). */
  currentEntries(rows: readonly PrefixListRow[]): Map<string, PrefixListEntryRow[]> {
    const byId = groupedBy<PrefixListEntryRow>(
      this.db,
      `SELECT e.* FROM prefix_list_entries e JOIN prefix_lists p ON p.id = e.prefix_list_id AND p.version = e.version
       WHERE e.prefix_list_id IN (SELECT value FROM json_each(?)) ORDER BY e.cidr`,
      rows.map((r) => r.id),
      (e) => e.prefix_list_id,
    );
    return byId;
  }
}
