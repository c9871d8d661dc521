/** VPC endpoints and their route tables, subnets and security groups (schema 013). */
import type { Database } from './db';
import { groupedBy } from './query';
import type { VpcEndpointLinkRow, VpcEndpointRow } from './rows';
import { Table } from './table';

export class VpcEndpointRepo extends Table<VpcEndpointRow> {
  constructor(db: Database) {
    super(db, 'vpc_endpoints', { from: 'vpc_endpoints e', alias: 'e', select: 'e.*' });
  }

  /** The endpoint whatever the scope (route state, which the service owner's calls may re-derive). */
  byId(id: string): VpcEndpointRow | undefined {
    return this.db.prepare('SELECT * FROM vpc_endpoints WHERE id = ?').get(id) as VpcEndpointRow | undefined;
  }

  linksOf(ids: readonly string[]): Map<string, VpcEndpointLinkRow[]> {
    return groupedBy<VpcEndpointLinkRow>(
      this.db,
      'SELECT * FROM vpc_endpoint_links WHERE endpoint_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      ids,
      (l) => l.endpoint_id,
    );
  }

  link(row: Omit<VpcEndpointLinkRow, 'seq'>): void {
    const next = this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM vpc_endpoint_links WHERE endpoint_id = ?').get(row.endpoint_id) as { n: number };
    this.db
      .prepare('INSERT INTO vpc_endpoint_links (endpoint_id, kind, ref_id, network_interface_id, seq) VALUES (?, ?, ?, ?, ?)')
      .run(row.endpoint_id, row.kind, row.ref_id, row.network_interface_id, next.n);
  }

  unlink(endpointId: string, kind: VpcEndpointLinkRow['kind'], refId: string): void {
    this.db.prepare('DELETE FROM vpc_endpoint_links WHERE endpoint_id = ? AND kind = ? AND ref_id = ?').run(endpointId, kind, refId);
  }

  /** A deleted route table, subnet or group leaves every endpoint that listed it. */
  unlinkRef(refId: string): void {
    this.db.prepare('DELETE FROM vpc_endpoint_links WHERE ref_id = ?').run(refId);
  }

  /** The endpoint that owns this interface, if any. */
  ofInterface(eniId: string): string | undefined {
    const row = this.db.prepare('SELECT endpoint_id FROM vpc_endpoint_links WHERE network_interface_id = ?').get(eniId) as { endpoint_id: string } | undefined;
    return row?.endpoint_id;
  }

  /** Live endpoints of a VPC (a VPC with endpoints cannot be deleted). */
  countInVpc(vpcId: string): number {
    return (this.db.prepare("SELECT count(*) AS n FROM vpc_endpoints WHERE vpc_id = ? AND state NOT IN ('deleted')").get(vpcId) as { n: number }).n;
  }
}
