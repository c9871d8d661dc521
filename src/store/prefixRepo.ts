/** Interfaces' IPv4 and IPv6 prefixes and subnet CIDR reservations (schema 013). */
import type { Database } from './db';
import { groupedBy } from './query';
import type { Ipv4PrefixRow, Ipv6PrefixRow, SubnetCidrReservationRow } from './rows';
import { Table } from './table';

/** IPv4 /28 prefixes: unique per subnet by the primary key; the schema's triggers keep them off single addresses. */
export class Ipv4PrefixRepo {
  constructor(private readonly db: Database) {}

  insert(row: Ipv4PrefixRow): void {
    this.db
      .prepare('INSERT INTO ipv4_prefixes (subnet_id, base_int, prefix, network_interface_id, account, region) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.subnet_id, row.base_int, row.prefix, row.network_interface_id, row.account, row.region);
  }

  get(subnetId: string, base: number): Ipv4PrefixRow | undefined {
    if (this.db.isSurelyEmpty('ipv4_prefixes')) return undefined;
    return this.db.prepare('SELECT * FROM ipv4_prefixes WHERE subnet_id = ? AND base_int = ?').get(subnetId, base) as Ipv4PrefixRow | undefined;
  }

  /** Bases of the subnet's prefixes in [from, to), ascending. */
  basesIn(subnetId: string, from: number, to: number): number[] {
    return this.db
      .prepare('SELECT base_int FROM ipv4_prefixes WHERE subnet_id = ? AND base_int >= ? AND base_int < ? ORDER BY base_int')
      .pluck()
      .all(subnetId, from, to) as number[];
  }

  ofInterfaces(eniIds: readonly string[]): Map<string, Ipv4PrefixRow[]> {
    return groupedBy<Ipv4PrefixRow>(
      this.db,
      'SELECT * FROM ipv4_prefixes WHERE network_interface_id IN (SELECT value FROM json_each(?)) ORDER BY network_interface_id, base_int',
      eniIds,
      (r) => r.network_interface_id,
    );
  }

  delete(subnetId: string, base: number): void {
    this.db.prepare('DELETE FROM ipv4_prefixes WHERE subnet_id = ? AND base_int = ?').run(subnetId, base);
  }
}

/** IPv6 /80 prefixes: unique per subnet by the primary key. */
export class Ipv6PrefixRepo {
  constructor(private readonly db: Database) {}

  insert(row: Omit<Ipv6PrefixRow, 'seq'>): void {
    this.db
      .prepare(
        `INSERT INTO ipv6_prefixes (subnet_id, prefix, network_interface_id, account, region, seq)
         VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM ipv6_prefixes WHERE network_interface_id = ?))`,
      )
      .run(row.subnet_id, row.prefix, row.network_interface_id, row.account, row.region, row.network_interface_id);
  }

  get(subnetId: string, prefix: string): Ipv6PrefixRow | undefined {
    return this.db.prepare('SELECT * FROM ipv6_prefixes WHERE subnet_id = ? AND prefix = ?').get(subnetId, prefix) as Ipv6PrefixRow | undefined;
  }

  inSubnet(subnetId: string): string[] {
    return this.db.prepare('SELECT prefix FROM ipv6_prefixes WHERE subnet_id = ?').pluck().all(subnetId) as string[];
  }

  ofInterfaces(eniIds: readonly string[]): Map<string, Ipv6PrefixRow[]> {
    return groupedBy<Ipv6PrefixRow>(
      this.db,
      'SELECT * FROM ipv6_prefixes WHERE network_interface_id IN (SELECT value FROM json_each(?)) ORDER BY network_interface_id, seq',
      eniIds,
      (r) => r.network_interface_id,
    );
  }

  delete(subnetId: string, prefix: string): void {
    this.db.prepare('DELETE FROM ipv6_prefixes WHERE subnet_id = ? AND prefix = ?').run(subnetId, prefix);
  }
}

export class SubnetCidrReservationRepo extends Table<SubnetCidrReservationRow> {
  constructor(db: Database) {
    super(db, 'subnet_cidr_reservations', { from: 'subnet_cidr_reservations r', alias: 'r', select: 'r.*' });
  }

  ofSubnet(subnetId: string, family?: 4 | 6): SubnetCidrReservationRow[] {
    if (this.db.isSurelyEmpty('subnet_cidr_reservations')) return [];
    return family === undefined
      ? (this.db.prepare('SELECT * FROM subnet_cidr_reservations WHERE subnet_id = ? ORDER BY seq').all(subnetId) as SubnetCidrReservationRow[])
      : (this.db
          .prepare('SELECT * FROM subnet_cidr_reservations WHERE subnet_id = ? AND family = ? ORDER BY seq')
          .all(subnetId, family) as SubnetCidrReservationRow[]);
  }
}
