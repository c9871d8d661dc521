/** NAT gateways (schema 012). */
import type { Database } from './db';
import type { NatGatewayRow } from './rows';
import { Table } from './table';

export class NatGatewayRepo extends Table<NatGatewayRow> {
  constructor(db: Database) {
    super(db, 'nat_gateways', { from: 'nat_gateways g', alias: 'g', select: 'g.*' });
  }

  /** The gateway that owns this interface, if any. */
  ofInterface(eniId: string): NatGatewayRow | undefined {
    return this.db.prepare('SELECT * FROM nat_gateways WHERE network_interface_id = ?').get(eniId) as NatGatewayRow | undefined;
  }
}
