/** VPCs, and the dependency counts DeleteVpc needs. */
import type { Database } from './db';
import type { Scope } from './query';
import type { VpcRow } from './rows';
import { Table } from './table';

export class VpcRepo extends Table<VpcRow> {
  constructor(db: Database) {
    super(db, 'vpcs', { from: 'vpcs v', alias: 'v', select: 'v.*' });
  }

  defaultVpc(scope: Scope): VpcRow | undefined {
    return this.db
      .prepare('SELECT * FROM vpcs WHERE account = ? AND region = ? AND is_default = 1')
      .get(scope.account, scope.region) as VpcRow | undefined;
  }

  /** What still lives in the VPC besides its default security group and main route table. */
  dependencyCount(vpcId: string): number {
    const row = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM subnets WHERE vpc_id = ?)
              + (SELECT count(*) FROM security_groups WHERE vpc_id = ? AND is_default = 0)
              + (SELECT count(*) FROM network_interfaces WHERE vpc_id = ?)
              + (SELECT count(*) FROM internet_gateways WHERE vpc_id = ?)
              + (SELECT count(*) FROM egress_only_internet_gateways WHERE vpc_id = ?)
              + (SELECT count(*) FROM vpc_endpoints WHERE vpc_id = ? AND state <> 'deleted')
              + (SELECT count(*) FROM carrier_gateways WHERE vpc_id = ? AND state <> 'deleted')
              + (SELECT count(*) FROM route_tables r WHERE r.vpc_id = ? AND NOT EXISTS
                  (SELECT 1 FROM route_table_associations a WHERE a.route_table_id = r.id AND a.is_main = 1)) AS n`,
      )
      .get(vpcId, vpcId, vpcId, vpcId, vpcId, vpcId, vpcId, vpcId) as { n: number };
    return row.n;
  }
}
