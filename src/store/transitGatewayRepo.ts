/**
 * Transit gateways, their route tables, attachments, associations, propagations and static routes (schema 017);
 * peering attachments (schema 022): one attachment row per side, keyed by (id, account, region), so every read of
 * an attachment or an association by id names the scope.
 */
import type { Database } from './db';
import { groupedBy, Scope } from './query';
import type {
  TgwPrefixListReferenceRow,
  TransitGatewayAttachmentRow,
  TransitGatewayAttachmentSubnetRow,
  TransitGatewayLinkRow,
  TransitGatewayRouteRow,
  TransitGatewayRouteTableRow,
  TransitGatewayRow,
} from './rows';
import { Table } from './table';

export class TransitGatewayRepo extends Table<TransitGatewayRow> {
  readonly routeTables: Table<TransitGatewayRouteTableRow>;
  readonly attachments: Table<TransitGatewayAttachmentRow>;
  readonly associations: Table<TransitGatewayLinkRow>;
  readonly propagations: Table<TransitGatewayLinkRow>;
  readonly prefixListReferences: Table<TgwPrefixListReferenceRow>;

  constructor(db: Database) {
    super(db, 'transit_gateways', { from: 'transit_gateways g', alias: 'g', select: 'g.*' });
    this.routeTables = new Table(db, 'transit_gateway_route_tables', { from: 'transit_gateway_route_tables r', alias: 'r', select: 'r.*' });
    // attachments listed with their association (one at most), for the association.* filters
    this.attachments = new Table(db, 'transit_gateway_attachments', {
      from: 'transit_gateway_attachments t LEFT JOIN transit_gateway_associations s ON s.id = t.id AND s.account = t.account AND s.region = t.region',
      alias: 't',
      select: 't.*',
    });
    this.associations = new Table(db, 'transit_gateway_associations', { from: 'transit_gateway_associations l', alias: 'l', select: 'l.*' });
    this.propagations = new Table(db, 'transit_gateway_propagations', { from: 'transit_gateway_propagations l', alias: 'l', select: 'l.*' });
    this.prefixListReferences = new Table(db, 'transit_gateway_prefix_list_references', {
      from: 'transit_gateway_prefix_list_references p',
      alias: 'p',
      select: 'p.*',
    });
  }

  /** Route tables that reference a prefix list (a list in use cannot be deleted). */
  tablesReferencing(prefixListId: string): string[] {
    return this.db.prepare('SELECT route_table_id FROM transit_gateway_prefix_list_references WHERE prefix_list_id = ?').pluck().all(prefixListId) as string[];
  }

  deleteReferencesOfTable(tableId: string): void {
    this.db.prepare('DELETE FROM transit_gateway_prefix_list_references WHERE route_table_id = ?').run(tableId);
  }

  /** Attachments of a gateway that are not deleted (nor a rejected or failed peering). */
  liveAttachmentsOf(gatewayId: string): TransitGatewayAttachmentRow[] {
    return this.db
      .prepare(
        "SELECT * FROM transit_gateway_attachments WHERE transit_gateway_id = ? AND state NOT IN ('deleted', 'deleting', 'rejected', 'failed') ORDER BY seq",
      )
      .all(gatewayId) as TransitGatewayAttachmentRow[];
  }

  /** Route tables of a gateway that are not deleted. */
  liveRouteTablesOf(gatewayId: string): TransitGatewayRouteTableRow[] {
    return this.db
      .prepare("SELECT * FROM transit_gateway_route_tables WHERE transit_gateway_id = ? AND state NOT IN ('deleted', 'deleting') ORDER BY seq")
      .all(gatewayId) as TransitGatewayRouteTableRow[];
  }

  /** A live attachment of this gateway to this resource (a VPC, or a VPN connection). */
  liveAttachment(gatewayId: string, resourceId: string): TransitGatewayAttachmentRow | undefined {
    return this.db
      .prepare(
        "SELECT * FROM transit_gateway_attachments WHERE resource_id = ? AND transit_gateway_id = ? AND state NOT IN ('deleted', 'deleting')",
      )
      .get(resourceId, gatewayId) as TransitGatewayAttachmentRow | undefined;
  }

  subnetsOf(attachmentIds: readonly string[]): Map<string, TransitGatewayAttachmentSubnetRow[]> {
    return groupedBy<TransitGatewayAttachmentSubnetRow>(
      this.db,
      'SELECT * FROM transit_gateway_attachment_subnets WHERE attachment_id IN (SELECT value FROM json_each(?)) ORDER BY rowid',
      attachmentIds,
      (r) => r.attachment_id,
    );
  }

  addSubnet(row: TransitGatewayAttachmentSubnetRow): void {
    this.db
      .prepare('INSERT INTO transit_gateway_attachment_subnets (attachment_id, subnet_id, network_interface_id) VALUES (?, ?, ?)')
      .run(row.attachment_id, row.subnet_id, row.network_interface_id);
  }

  removeSubnet(attachmentId: string, subnetId: string): void {
    this.db.prepare('DELETE FROM transit_gateway_attachment_subnets WHERE attachment_id = ? AND subnet_id = ?').run(attachmentId, subnetId);
  }

  /** The attachment whose interface this is, if any. */
  attachmentOfInterface(eniId: string): TransitGatewayAttachmentSubnetRow | undefined {
    return this.db.prepare('SELECT * FROM transit_gateway_attachment_subnets WHERE network_interface_id = ?').get(eniId) as
      | TransitGatewayAttachmentSubnetRow
      | undefined;
  }

  associationsOf(scope: Scope, attachmentIds: readonly string[]): Map<string, TransitGatewayLinkRow> {
    const rows = this.db
      .prepare('SELECT * FROM transit_gateway_associations WHERE id IN (SELECT value FROM json_each(?)) AND account = ? AND region = ?')
      .all(JSON.stringify(attachmentIds), scope.account, scope.region) as TransitGatewayLinkRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  deleteAssociation(scope: Scope, attachmentId: string): void {
    this.db.prepare('DELETE FROM transit_gateway_associations WHERE id = ? AND account = ? AND region = ?').run(attachmentId, scope.account, scope.region);
  }

  associationsOfTable(tableId: string): TransitGatewayLinkRow[] {
    return this.db.prepare('SELECT * FROM transit_gateway_associations WHERE route_table_id = ? ORDER BY seq').all(tableId) as TransitGatewayLinkRow[];
  }

  propagationsOfTable(tableId: string): TransitGatewayLinkRow[] {
    return this.db
      .prepare('SELECT * FROM transit_gateway_propagations WHERE route_table_id = ? ORDER BY seq')
      .all(tableId) as TransitGatewayLinkRow[];
  }

  propagation(tableId: string, attachmentId: string): TransitGatewayLinkRow | undefined {
    return this.db
      .prepare('SELECT * FROM transit_gateway_propagations WHERE route_table_id = ? AND id = ?')
      .get(tableId, attachmentId) as TransitGatewayLinkRow | undefined;
  }

  deletePropagation(tableId: string, attachmentId: string): void {
    this.db.prepare('DELETE FROM transit_gateway_propagations WHERE route_table_id = ? AND id = ?').run(tableId, attachmentId);
  }

  /** Every link (association and propagation) of an attachment goes, with the attachment. */
  unlinkAttachment(scope: Scope, attachmentId: string): void {
    this.db.prepare('DELETE FROM transit_gateway_associations WHERE id = ? AND account = ? AND region = ?').run(attachmentId, scope.account, scope.region);
    this.db.prepare('DELETE FROM transit_gateway_propagations WHERE id = ? AND account = ? AND region = ?').run(attachmentId, scope.account, scope.region);
  }

  /** Both sides of a peering attachment, whatever their scope (the accepter's row exists once the request reached it). */
  peeringSides(id: string): TransitGatewayAttachmentRow[] {
    return this.db
      .prepare("SELECT * FROM transit_gateway_attachments WHERE resource_type = 'peering' AND (id = ? OR peer_attachment_id = ?) ORDER BY seq")
      .all(id, id) as TransitGatewayAttachmentRow[];
  }

  /** One side's row, by scope (the ids of both sides are the same across scopes). */
  updateSide(scope: Scope, id: string, changes: Partial<Omit<TransitGatewayAttachmentRow, 'seq' | 'id'>>): void {
    const cols = Object.keys(changes);
    if (cols.length === 0) return;
    this.db
      .prepare(`UPDATE transit_gateway_attachments SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND account = ? AND region = ?`)
      .run(...cols.map((c) => (changes as Record<string, unknown>)[c] ?? null), id, scope.account, scope.region);
  }

  deleteSide(scope: Scope, id: string): void {
    this.db.prepare('DELETE FROM transit_gateway_attachments WHERE id = ? AND account = ? AND region = ?').run(id, scope.account, scope.region);
  }

  staticRoutes(tableId: string): TransitGatewayRouteRow[] {
    return this.db.prepare('SELECT * FROM transit_gateway_routes WHERE route_table_id = ? ORDER BY seq').all(tableId) as TransitGatewayRouteRow[];
  }

  staticRoute(tableId: string, cidr: string): TransitGatewayRouteRow | undefined {
    return this.db
      .prepare('SELECT * FROM transit_gateway_routes WHERE route_table_id = ? AND destination_cidr = ?')
      .get(tableId, cidr) as TransitGatewayRouteRow | undefined;
  }

  putStaticRoute(tableId: string, cidr: string, attachmentId: string | null, blackhole: boolean): void {
    this.db
      .prepare(
        `INSERT INTO transit_gateway_routes (route_table_id, destination_cidr, attachment_id, blackhole) VALUES (?, ?, ?, ?)
         ON CONFLICT (route_table_id, destination_cidr) DO UPDATE SET attachment_id = excluded.attachment_id, blackhole = excluded.blackhole`,
      )
      .run(tableId, cidr, attachmentId, blackhole ? 1 : 0);
  }

  deleteStaticRoute(tableId: string, cidr: string): void {
    this.db.prepare('DELETE FROM transit_gateway_routes WHERE route_table_id = ? AND destination_cidr = ?').run(tableId, cidr);
  }

  deleteRoutesOfTable(tableId: string): void {
    this.db.prepare('DELETE FROM transit_gateway_routes WHERE route_table_id = ?').run(tableId);
  }
}
