/** Route tables, their routes and their associations (the main one included). */
import type { Database } from './db';
import { groupedBy, Scope } from './query';
import type { RouteRow, RouteTableAssociationRow, RouteTableRow } from './rows';
import { Table, toSql } from './table';

export class RouteTableRepo extends Table<RouteTableRow> {
  readonly associations: Table<RouteTableAssociationRow>;
  /**
   * Whether a route may go through a network interface: unknown until first asked (then read from the database,
   * so a --db file's routes count), true from the first route written with one, never false again. Most workloads
   * never route through an interface; then the route-state work after every launch, attach, detach and delete
   * need not search (routesTo with interfaces only: ~7 us a call).
   */
  private interfaceRoutes?: boolean;

  constructor(db: Database) {
    super(db, 'route_tables', { from: 'route_tables r', alias: 'r', select: 'r.*' });
    this.associations = new Table(db, 'route_table_associations');
  }

  mainOf(vpcId: string): RouteTableRow | undefined {
    return this.db
      .prepare(
        `SELECT r.* FROM route_tables r JOIN route_table_associations a ON a.route_table_id = r.id
         WHERE a.vpc_id = ? AND a.is_main = 1`,
      )
      .get(vpcId) as RouteTableRow | undefined;
  }

  /** The table a subnet uses: its explicit association, else the VPC's main table. */
  forSubnet(subnetId: string, vpcId: string): RouteTableRow | undefined {
    const explicit = this.db
      .prepare('SELECT r.* FROM route_tables r JOIN route_table_associations a ON a.route_table_id = r.id WHERE a.subnet_id = ?')
      .get(subnetId) as RouteTableRow | undefined;
    return explicit ?? this.mainOf(vpcId);
  }

  inVpc(vpcId: string): RouteTableRow[] {
    return this.db.prepare('SELECT * FROM route_tables WHERE vpc_id = ? ORDER BY seq').all(vpcId) as RouteTableRow[];
  }

  routesOf(tableIds: readonly string[]): Map<string, RouteRow[]> {
    return groupedBy<RouteRow>(
      this.db,
      'SELECT * FROM routes WHERE route_table_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      tableIds,
      (r) => r.route_table_id,
    );
  }

  associationsOf(tableIds: readonly string[]): Map<string, RouteTableAssociationRow[]> {
    return groupedBy<RouteTableAssociationRow>(
      this.db,
      'SELECT * FROM route_table_associations WHERE route_table_id IN (SELECT value FROM json_each(?)) ORDER BY is_main DESC, seq',
      tableIds,
      (r) => r.route_table_id,
    );
  }

  association(scope: Scope, id: string): RouteTableAssociationRow | undefined {
    return this.db
      .prepare(
        `SELECT a.* FROM route_table_associations a JOIN route_tables r ON r.id = a.route_table_id
         WHERE a.id = ? AND r.account = ? AND r.region = ?`,
      )
      .get(id, scope.account, scope.region) as RouteTableAssociationRow | undefined;
  }

  subnetAssociation(subnetId: string): RouteTableAssociationRow | undefined {
    return this.db.prepare('SELECT * FROM route_table_associations WHERE subnet_id = ?').get(subnetId) as
      | RouteTableAssociationRow
      | undefined;
  }

  route(tableId: string, cidr: string): RouteRow | undefined {
    return this.db.prepare('SELECT * FROM routes WHERE route_table_id = ? AND destination_cidr = ?').get(tableId, cidr) as
      | RouteRow
      | undefined;
  }

  routeCount(tableId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM routes WHERE route_table_id = ?').get(tableId) as { n: number }).n;
  }

  /** A route through a gateway-column target (`local`, an internet gateway, a gateway endpoint), no other target. */
  insertGatewayRoute(route: Pick<RouteRow, 'route_table_id' | 'destination_cidr' | 'gateway_id' | 'origin' | 'state'>): void {
    this.insertRoute({ network_interface_id: null, instance_id: null, instance_owner_id: null, nat_gateway_id: null, ...route });
  }

  insertRoute(route: Omit<RouteRow, 'seq'>): void {
    this.noteTargets(route);
    const cols = Object.keys(route);
    this.db
      .prepare(`INSERT INTO routes (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => toSql((route as Record<string, unknown>)[c])));
  }

  updateRoute(seq: number, changes: Partial<Omit<RouteRow, 'seq'>>): void {
    const cols = Object.keys(changes);
    if (cols.length === 0) return;
    this.noteTargets(changes);
    this.db
      .prepare(`UPDATE routes SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE seq = ?`)
      .run(...cols.map((c) => toSql((changes as Record<string, unknown>)[c])), seq);
  }

  private noteTargets(route: Partial<RouteRow>): void {
    if (route.network_interface_id !== undefined && route.network_interface_id !== null) this.interfaceRoutes = true;
  }

  private mayRouteThroughInterfaces(): boolean {
    this.interfaceRoutes ??= this.db.prepare('SELECT 1 FROM routes WHERE network_interface_id IS NOT NULL LIMIT 1').get() !== undefined;
    return this.interfaceRoutes;
  }

  deleteRoute(seq: number): void {
    this.db.prepare('DELETE FROM routes WHERE seq = ?').run(seq);
  }

  /** The edge association of an internet or virtual private gateway, if any. */
  gatewayAssociation(gatewayId: string): RouteTableAssociationRow | undefined {
    return this.db.prepare('SELECT * FROM route_table_associations WHERE gateway_id = ?').get(gatewayId) as RouteTableAssociationRow | undefined;
  }

  deleteGatewayAssociation(gatewayId: string): void {
    this.db.prepare('DELETE FROM route_table_associations WHERE gateway_id = ?').run(gatewayId);
  }

  deleteAssociation(id: string): void {
    this.db.prepare('DELETE FROM route_table_associations WHERE id = ?').run(id);
  }

  /**
   * Routes of the scope that go through one of these network interfaces or gateways. Only the kinds given are
   * searched (one statement text per combination, at most 32): an OR over five json_each lists cost 12 us when
   * the usual caller asks about interfaces alone.
   */
  routesTo(targets: {
    networkInterfaceIds?: readonly string[];
    gatewayIds?: readonly string[];
    natGatewayIds?: readonly string[];
    peeringIds?: readonly string[];
    transitGatewayIds?: readonly string[];
  }): RouteRow[] {
    const interfaces = targets.networkInterfaceIds?.length && this.mayRouteThroughInterfaces() ? targets.networkInterfaceIds : undefined;
    const wanted: Array<[string, readonly string[] | undefined]> = [
      ['network_interface_id', interfaces],
      ['gateway_id', targets.gatewayIds],
      ['nat_gateway_id', targets.natGatewayIds],
      ['vpc_peering_connection_id', targets.peeringIds],
      ['transit_gateway_id', targets.transitGatewayIds],
    ];
    const given = wanted.filter((w): w is [string, readonly string[]] => (w[1]?.length ?? 0) > 0);
    if (given.length === 0) return [];
    const where = given.map(([column]) => `${column} IN (SELECT value FROM json_each(?))`).join(' OR ');
    return this.db.prepare(`SELECT * FROM routes WHERE ${where} ORDER BY seq`).all(...given.map(([, ids]) => JSON.stringify(ids))) as RouteRow[];
  }
}
