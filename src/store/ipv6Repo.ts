/** VPC CIDR blocks beyond the primary, egress-only internet gateways, interfaces' IPv6 addresses (schema 010). */
import type { Database } from './db';
import { groupedBy, Scope } from './query';
import type { EgressOnlyInternetGatewayRow, Ipv6AddressRow, SubnetRow, VpcCidrBlockRow } from './rows';
import { Table } from './table';

export class VpcCidrBlockRepo extends Table<VpcCidrBlockRow> {
  constructor(db: Database) {
    super(db, 'vpc_cidr_blocks');
  }

  /** The blocks of these VPCs (one query), in association order. */
  ofVpcs(vpcIds: readonly string[]): Map<string, VpcCidrBlockRow[]> {
    return groupedBy<VpcCidrBlockRow>(
      this.db,
      'SELECT * FROM vpc_cidr_blocks WHERE vpc_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      vpcIds,
      (r) => r.vpc_id,
    );
  }

  ofVpc(vpcId: string, family: 4 | 6): VpcCidrBlockRow[] {
    return this.db.prepare('SELECT * FROM vpc_cidr_blocks WHERE vpc_id = ? AND family = ? ORDER BY seq').all(vpcId, family) as VpcCidrBlockRow[];
  }

  /** Pool indexes of the scope's IPv6 blocks, ascending (the allocator takes the lowest free one). */
  usedPoolIndexes(scope: Scope): number[] {
    return this.db
      .prepare('SELECT pool_index FROM vpc_cidr_blocks WHERE account = ? AND region = ? AND pool_index IS NOT NULL ORDER BY pool_index')
      .pluck()
      .all(scope.account, scope.region) as number[];
  }

  /** Subnets of the VPC whose IPv4 block lies in [base, base+size). */
  subnetsWithin(vpcId: string, base: number, size: number): SubnetRow[] {
    return this.db
      .prepare('SELECT * FROM subnets WHERE vpc_id = ? AND cidr_size > 0 AND cidr_base >= ? AND cidr_base < ? ORDER BY seq')
      .all(vpcId, base, base + size) as SubnetRow[];
  }

  /** Subnets of the VPC holding an IPv6 block. */
  ipv6SubnetCount(vpcId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM subnets WHERE vpc_id = ? AND ipv6_cidr IS NOT NULL').get(vpcId) as { n: number }).n;
  }
}

export class EgressOnlyGatewayRepo extends Table<EgressOnlyInternetGatewayRow> {
  constructor(db: Database) {
    super(db, 'egress_only_internet_gateways', { from: 'egress_only_internet_gateways e', alias: 'e', select: 'e.*' });
  }
}

/** IPv6 addresses of interfaces: unique per subnet by the primary key, whatever the timing. */
export class Ipv6AddressRepo {
  constructor(private readonly db: Database) {}

  insert(row: Omit<Ipv6AddressRow, 'seq'>): void {
    this.db
      .prepare(
        `INSERT INTO ipv6_addresses (subnet_id, address, network_interface_id, is_primary, account, region, seq)
         VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM ipv6_addresses WHERE network_interface_id = ?))`,
      )
      .run(row.subnet_id, row.address, row.network_interface_id, row.is_primary, row.account, row.region, row.network_interface_id);
  }

  get(subnetId: string, address: string): Ipv6AddressRow | undefined {
    return this.db.prepare('SELECT * FROM ipv6_addresses WHERE subnet_id = ? AND address = ?').get(subnetId, address) as Ipv6AddressRow | undefined;
  }

  /** Every address held in the subnet (the allocator looks for the lowest gap). */
  inSubnet(subnetId: string): string[] {
    return this.db.prepare('SELECT address FROM ipv6_addresses WHERE subnet_id = ?').pluck().all(subnetId) as string[];
  }

  ofInterfaces(eniIds: readonly string[]): Map<string, Ipv6AddressRow[]> {
    return groupedBy<Ipv6AddressRow>(
      this.db,
      'SELECT * FROM ipv6_addresses WHERE network_interface_id IN (SELECT value FROM json_each(?)) ORDER BY network_interface_id, seq',
      eniIds,
      (r) => r.network_interface_id,
    );
  }

  delete(subnetId: string, address: string): void {
    this.db.prepare('DELETE FROM ipv6_addresses WHERE subnet_id = ? AND address = ?').run(subnetId, address);
  }
}
