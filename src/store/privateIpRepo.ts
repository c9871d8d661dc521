/**
 * Private IPv4 addresses in use, one row each; the (subnet, address) primary key makes a double allocation
 * impossible. The free-address search walks used addresses upward from the subnet's hint (no address below the
 * hint is free), so sequential allocation stays O(1) and a release costs one scan to the next gap.
 */
import type { Database } from './db';
import { firstGap, groupedBy, Scope } from './query';
import type { PrivateIpRow } from './rows';

export class PrivateIpRepo {
  constructor(private readonly db: Database) {}

  /** Lowest free address in [from, to), or undefined when the range is full. */
  lowestFree(subnetId: string, from: number, to: number): number | undefined {
    const used = this.db
      .prepare('SELECT ip_int FROM private_ips WHERE subnet_id = ? AND ip_int >= ? AND ip_int < ? ORDER BY ip_int')
      .pluck()
      .iterate(subnetId, from, to) as IterableIterator<number>;
    return firstGap(used, from, to);
  }

  /** The subnet's allocation hint as it is now (it moves within a request as addresses are picked). */
  hint(subnetId: string): number | undefined {
    return this.db.prepare('SELECT alloc_hint FROM subnets WHERE id = ?').pluck().get(subnetId) as number | undefined;
  }

  setHint(subnetId: string, hint: number): void {
    this.db.prepare('UPDATE subnets SET alloc_hint = ? WHERE id = ?').run(hint, subnetId);
  }

  isUsed(subnetId: string, ipInt: number): boolean {
    return this.db.prepare('SELECT 1 FROM private_ips WHERE subnet_id = ? AND ip_int = ?').get(subnetId, ipInt) !== undefined;
  }

  /** Whether any address in [from, to) is in use (a /28 prefix must not cover one). */
  anyIn(subnetId: string, from: number, to: number): boolean {
    return this.db.prepare('SELECT 1 FROM private_ips WHERE subnet_id = ? AND ip_int >= ? AND ip_int < ? LIMIT 1').get(subnetId, from, to) !== undefined;
  }

  get(subnetId: string, ipInt: number): PrivateIpRow | undefined {
    return this.db.prepare('SELECT * FROM private_ips WHERE subnet_id = ? AND ip_int = ?').get(subnetId, ipInt) as PrivateIpRow | undefined;
  }

  insert(row: PrivateIpRow): void {
    this.db
      .prepare('INSERT INTO private_ips (subnet_id, ip_int, ip, network_interface_id, is_primary, account, region) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.subnet_id, row.ip_int, row.ip, row.network_interface_id, row.is_primary, row.account, row.region);
  }

  delete(subnetId: string, ipInt: number): void {
    this.db.prepare('DELETE FROM private_ips WHERE subnet_id = ? AND ip_int = ?').run(subnetId, ipInt);
  }

  /** Moves an address to another interface (AssignPrivateIpAddresses with AllowReassignment). */
  reassign(subnetId: string, ipInt: number, eniId: string): void {
    this.db.prepare('UPDATE private_ips SET network_interface_id = ?, is_primary = 0 WHERE subnet_id = ? AND ip_int = ?').run(eniId, subnetId, ipInt);
  }

  /** Addresses of many interfaces, primary first, then by address. */
  ofInterfaces(eniIds: readonly string[]): Map<string, PrivateIpRow[]> {
    return groupedBy<PrivateIpRow>(
      this.db,
      'SELECT * FROM private_ips WHERE network_interface_id IN (SELECT value FROM json_each(?)) ORDER BY network_interface_id, is_primary DESC, ip_int',
      eniIds,
      (r) => r.network_interface_id,
    );
  }

  /** Interfaces of the scope holding any of these addresses (the private-ip-address filter). */
  interfacesWithIp(scope: Scope, ips: readonly string[]): string[] {
    return this.db
      .prepare('SELECT DISTINCT network_interface_id FROM private_ips WHERE account = ? AND region = ? AND ip IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(scope.account, scope.region, JSON.stringify(ips)) as string[];
  }
}
