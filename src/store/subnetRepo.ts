/** Subnets: containment and overlap queries for CreateSubnet, default subnets per zone. */
import type { Database } from './db';
import type { Scope } from './query';
import type { SubnetRow } from './rows';
import { Table } from './table';

export class SubnetRepo extends Table<SubnetRow> {
  constructor(db: Database) {
    super(db, 'subnets', { from: 'subnets s', alias: 's', select: 's.*' });
  }

  /** A subnet of the VPC whose block overlaps [base, base+size). */
  overlapping(vpcId: string, base: number, size: number): SubnetRow | undefined {
    return this.db
      .prepare('SELECT * FROM subnets WHERE vpc_id = ? AND cidr_base < ? AND cidr_base + cidr_size > ? LIMIT 1')
      .get(vpcId, base + size, base) as SubnetRow | undefined;
  }

  inVpc(vpcId: string): SubnetRow[] {
    return this.db.prepare('SELECT * FROM subnets WHERE vpc_id = ? ORDER BY seq').all(vpcId) as SubnetRow[];
  }

  defaultForZone(scope: Scope, zone: string): SubnetRow | undefined {
    return this.db
      .prepare('SELECT * FROM subnets WHERE account = ? AND region = ? AND availability_zone = ? AND default_for_az = 1')
      .get(scope.account, scope.region, zone) as SubnetRow | undefined;
  }

  /** Network interfaces still in the subnet (DeleteSubnet's dependency check). */
  interfaceCount(subnetId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM network_interfaces WHERE subnet_id = ?').get(subnetId) as { n: number }).n;
  }

  byIpv6Association(scope: Scope, associationId: string): SubnetRow | undefined {
    return this.db
      .prepare('SELECT * FROM subnets WHERE ipv6_association_id = ? AND +account = ? AND +region = ?')
      .get(associationId, scope.account, scope.region) as SubnetRow | undefined;
  }

  /** IPv6 addresses interfaces hold in the subnet. */
  ipv6AddressCount(subnetId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM ipv6_addresses WHERE subnet_id = ?').get(subnetId) as { n: number }).n;
  }
}
