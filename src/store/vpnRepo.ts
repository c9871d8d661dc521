/** VPN gateways, customer gateways, VPN connections and their routes, route propagation (schema 013). */
import type { Database } from './db';
import { groupedBy } from './query';
import type { CustomerGatewayRow, PropagatedRouteRow, VpnConnectionRouteRow, VpnConnectionRow, VpnGatewayRow } from './rows';
import { Table } from './table';

export class VpnGatewayRepo extends Table<VpnGatewayRow> {
  constructor(db: Database) {
    super(db, 'vpn_gateways', { from: 'vpn_gateways v', alias: 'v', select: 'v.*' });
  }

  /** The gateway attached (or attaching, detaching) to the VPC, if any: a VPC takes one at a time. */
  ofVpc(vpcId: string): VpnGatewayRow | undefined {
    return this.db
      .prepare("SELECT * FROM vpn_gateways WHERE vpc_id = ? AND attachment_state IN ('attaching', 'attached', 'detaching') AND state != 'deleted'")
      .get(vpcId) as VpnGatewayRow | undefined;
  }
}

export class CustomerGatewayRepo extends Table<CustomerGatewayRow> {
  constructor(db: Database) {
    super(db, 'customer_gateways', { from: 'customer_gateways c', alias: 'c', select: 'c.*' });
  }

  /** A live gateway of the scope with the same address, ASN and type (CreateCustomerGateway answers it again). */
  same(account: string, region: string, ip: string | null, asn: number, type: string): CustomerGatewayRow | undefined {
    return this.db
      .prepare("SELECT * FROM customer_gateways WHERE account = ? AND region = ? AND ip_address IS ? AND bgp_asn = ? AND type = ? AND state = 'available'")
      .get(account, region, ip, asn, type) as CustomerGatewayRow | undefined;
  }
}

export class VpnConnectionRepo extends Table<VpnConnectionRow> {
  constructor(db: Database) {
    super(db, 'vpn_connections', { from: 'vpn_connections c', alias: 'c', select: 'c.*' });
  }

  /** Connections not yet deleted that use this customer gateway. */
  liveOfCustomerGateway(cgwId: string): VpnConnectionRow[] {
    return this.db
      .prepare("SELECT * FROM vpn_connections WHERE customer_gateway_id = ? AND state IN ('pending', 'available', 'deleting') ORDER BY seq")
      .all(cgwId) as VpnConnectionRow[];
  }

  /** Connections not yet deleted on this VPN gateway. */
  liveOfVpnGateway(vgwId: string): VpnConnectionRow[] {
    return this.db
      .prepare("SELECT * FROM vpn_connections WHERE vpn_gateway_id = ? AND state IN ('pending', 'available', 'deleting') ORDER BY seq")
      .all(vgwId) as VpnConnectionRow[];
  }

  routesOf(connectionIds: readonly string[]): Map<string, VpnConnectionRouteRow[]> {
    return groupedBy<VpnConnectionRouteRow>(
      this.db,
      'SELECT * FROM vpn_connection_routes WHERE vpn_connection_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      connectionIds,
      (r) => r.vpn_connection_id,
    );
  }

  route(connectionId: string, cidr: string): VpnConnectionRouteRow | undefined {
    return this.db.prepare('SELECT * FROM vpn_connection_routes WHERE vpn_connection_id = ? AND destination_cidr = ?').get(connectionId, cidr) as
      | VpnConnectionRouteRow
      | undefined;
  }

  insertRoute(connectionId: string, cidr: string, state: string): void {
    this.db.prepare('INSERT INTO vpn_connection_routes (vpn_connection_id, destination_cidr, state) VALUES (?, ?, ?)').run(connectionId, cidr, state);
  }

  deleteRoute(connectionId: string, cidr: string): void {
    this.db.prepare('DELETE FROM vpn_connection_routes WHERE vpn_connection_id = ? AND destination_cidr = ?').run(connectionId, cidr);
  }

  deleteRoutes(connectionId: string): void {
    this.db.prepare('DELETE FROM vpn_connection_routes WHERE vpn_connection_id = ?').run(connectionId);
  }
}

/** EnableVgwRoutePropagation's links between route tables and VPN gateways. */
export class RoutePropagationRepo {
  constructor(private readonly db: Database) {}

  has(tableId: string, vgwId: string): boolean {
    return this.db.prepare('SELECT 1 FROM route_table_propagations WHERE route_table_id = ? AND vpn_gateway_id = ?').get(tableId, vgwId) !== undefined;
  }

  add(tableId: string, vgwId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO route_table_propagations (route_table_id, vpn_gateway_id) VALUES (?, ?)').run(tableId, vgwId);
  }

  remove(tableId: string, vgwId: string): void {
    this.db.prepare('DELETE FROM route_table_propagations WHERE route_table_id = ? AND vpn_gateway_id = ?').run(tableId, vgwId);
  }

  removeGateway(vgwId: string): void {
    this.db.prepare('DELETE FROM route_table_propagations WHERE vpn_gateway_id = ?').run(vgwId);
  }

  /** The gateways each table propagates from, in the order they were enabled. */
  ofTables(tableIds: readonly string[]): Map<string, string[]> {
    const rows = groupedBy<{ route_table_id: string; vpn_gateway_id: string }>(
      this.db,
      'SELECT route_table_id, vpn_gateway_id FROM route_table_propagations WHERE route_table_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      tableIds,
      (r) => r.route_table_id,
    );
    return new Map([...rows].map(([k, v]) => [k, v.map((r) => r.vpn_gateway_id)]));
  }

  /**
   * The static routes each table receives: from the gateways it propagates that are attached to its VPC, through
   * their available connections' available routes.
   */
  propagatedRoutes(tableIds: readonly string[]): Map<string, PropagatedRouteRow[]> {
    return groupedBy<PropagatedRouteRow>(
      this.db,
      `SELECT p.route_table_id, p.vpn_gateway_id, r.destination_cidr
       FROM route_table_propagations p
       JOIN route_tables t ON t.id = p.route_table_id
       JOIN vpn_gateways g ON g.id = p.vpn_gateway_id AND g.vpc_id = t.vpc_id AND g.attachment_state = 'attached'
       JOIN vpn_connections c ON c.vpn_gateway_id = g.id AND c.state = 'available'
       JOIN vpn_connection_routes r ON r.vpn_connection_id = c.id AND r.state = 'available'
       WHERE p.route_table_id IN (SELECT value FROM json_each(?))
       GROUP BY p.route_table_id, p.vpn_gateway_id, r.destination_cidr
       ORDER BY p.seq, MIN(r.seq)`,
      tableIds,
      (r) => r.route_table_id,
    );
  }
}
