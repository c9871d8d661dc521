/** Public addresses: Elastic IPs (with an allocation id) and public IPs assigned at launch (without). */
import type { Database } from './db';
import { firstGap, groupedBy, Scope } from './query';
import type { AddressRow } from './rows';
import { toSql } from './table';

export class AddressRepo {
  constructor(private readonly db: Database) {}

  insert(row: Omit<AddressRow, 'seq' | 'ptr_record' | 'ptr_update'>): void {
    const cols = Object.keys(row);
    this.db
      .prepare(`INSERT INTO addresses (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => toSql((row as Record<string, unknown>)[c])));
  }

  update(publicIp: string, changes: Partial<Omit<AddressRow, 'seq' | 'public_ip'>>): void {
    const cols = Object.keys(changes);
    if (cols.length === 0) return;
    this.db
      .prepare(`UPDATE addresses SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE public_ip = ?`)
      .run(...cols.map((c) => toSql((changes as Record<string, unknown>)[c])), publicIp);
  }

  delete(publicIp: string): void {
    this.db.prepare('DELETE FROM addresses WHERE public_ip = ?').run(publicIp);
  }

  byAllocation(scope: Scope, allocationId: string): AddressRow | undefined {
    return this.db
      .prepare('SELECT * FROM addresses WHERE allocation_id = ? AND +account = ? AND +region = ?')
      .get(allocationId, scope.account, scope.region) as AddressRow | undefined;
  }

  byPublicIp(scope: Scope, ip: string): AddressRow | undefined {
    return this.db
      .prepare('SELECT * FROM addresses WHERE public_ip = ? AND +account = ? AND +region = ?')
      .get(ip, scope.account, scope.region) as AddressRow | undefined;
  }

  byAssociation(scope: Scope, associationId: string): AddressRow | undefined {
    return this.db
      .prepare('SELECT * FROM addresses WHERE association_id = ? AND +account = ? AND +region = ?')
      .get(associationId, scope.account, scope.region) as AddressRow | undefined;
  }

  /** Addresses associated with these interfaces. */
  ofInterfaces(eniIds: readonly string[]): Map<string, AddressRow[]> {
    return groupedBy<AddressRow>(
      this.db,
      'SELECT * FROM addresses WHERE network_interface_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      eniIds,
      (r) => r.network_interface_id as string,
    );
  }

  /** Lowest free public address in [from, to) across all accounts (the public pool is shared). */
  lowestFree(from: number, to: number): number | undefined {
    const used = this.db
      .prepare('SELECT public_ip_int FROM addresses WHERE public_ip_int >= ? AND public_ip_int < ? ORDER BY public_ip_int')
      .pluck()
      .iterate(from, to) as IterableIterator<number>;
    return firstGap(used, from, to);
  }

  list(scope: Scope): AddressRow[] {
    return this.db.prepare('SELECT * FROM addresses WHERE account = ? AND region = ? AND allocation_id IS NOT NULL ORDER BY seq').all(
      scope.account,
      scope.region,
    ) as AddressRow[];
  }
}
