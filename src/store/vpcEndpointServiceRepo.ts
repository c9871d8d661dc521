/** VPC endpoint services, their permissions, connections and connection notifications (schema 021). */
import type { Database } from './db';
import type {
  VpcEndpointConnectionNotificationRow,
  VpcEndpointConnectionRow,
  VpcEndpointServicePermissionRow,
  VpcEndpointServiceRow,
} from './rows';
import { Table } from './table';

export class VpcEndpointServicePermissionRepo extends Table<VpcEndpointServicePermissionRow> {
  constructor(db: Database) {
    super(db, 'vpc_endpoint_service_permissions', { from: 'vpc_endpoint_service_permissions p', alias: 'p', select: 'p.*' });
  }

  ofService(serviceId: string): VpcEndpointServicePermissionRow[] {
    return this.db.prepare('SELECT * FROM vpc_endpoint_service_permissions WHERE service_id = ? ORDER BY seq').all(serviceId) as VpcEndpointServicePermissionRow[];
  }

  remove(serviceId: string, principal: string): void {
    this.db.prepare('DELETE FROM vpc_endpoint_service_permissions WHERE service_id = ? AND principal = ?').run(serviceId, principal);
  }
}

export class VpcEndpointConnectionRepo extends Table<VpcEndpointConnectionRow> {
  constructor(db: Database) {
    super(db, 'vpc_endpoint_connections', {
      from: 'vpc_endpoint_connections c JOIN vpc_endpoints e ON e.id = c.endpoint_id',
      alias: 'c',
      select: 'c.*, e.state AS endpoint_state, e.region AS endpoint_region, e.ip_address_type',
    });
  }

  /** The connection of this endpoint to this service, whatever the scope (with the endpoint's state). */
  byEndpoint(endpointId: string): VpcEndpointConnectionRow | undefined {
    const { select, from } = this.listSource;
    return this.db.prepare(`SELECT ${select} FROM ${from} WHERE c.endpoint_id = ?`).get(endpointId) as VpcEndpointConnectionRow | undefined;
  }

  ofService(serviceId: string): VpcEndpointConnectionRow[] {
    const { select, from } = this.listSource;
    return this.db.prepare(`SELECT ${select} FROM ${from} WHERE c.service_id = ? ORDER BY c.seq`).all(serviceId) as VpcEndpointConnectionRow[];
  }
}

/** VpcEndpointServiceRepo.visibleTo: the caller's own services UNION those a permission allows it (test/store checks the plan). */
export const VISIBLE_TO = `SELECT s.* FROM vpc_endpoint_services s WHERE s.account = ? AND s.region = ? AND s.state = 'Available'
  UNION
  SELECT s.* FROM vpc_endpoint_service_permissions p JOIN vpc_endpoint_services s ON s.id = p.service_id
   WHERE p.principal IN (SELECT value FROM json_each(?)) AND s.region = ? AND s.state = 'Available'
  ORDER BY seq`;

export class VpcEndpointServiceRepo extends Table<VpcEndpointServiceRow> {
  readonly permissions: VpcEndpointServicePermissionRepo;
  readonly connections: VpcEndpointConnectionRepo;
  readonly notifications: Table<VpcEndpointConnectionNotificationRow>;

  constructor(db: Database) {
    super(db, 'vpc_endpoint_services', { from: 'vpc_endpoint_services s', alias: 's', select: 's.*' });
    this.permissions = new VpcEndpointServicePermissionRepo(db);
    this.connections = new VpcEndpointConnectionRepo(db);
    this.notifications = new Table<VpcEndpointConnectionNotificationRow>(db, 'vpc_endpoint_connection_notifications', {
      from: 'vpc_endpoint_connection_notifications n',
      alias: 'n',
      select: 'n.*',
    });
  }

  /** A service's own connection notifications (schema 025's index by service). */
  notificationsOfService(serviceId: string): VpcEndpointConnectionNotificationRow[] {
    return this.db
      .prepare('SELECT * FROM vpc_endpoint_connection_notifications WHERE service_id = ? ORDER BY seq')
      .all(serviceId) as VpcEndpointConnectionNotificationRow[];
  }

  /** The service of that name, whatever its owner (consumers name another account's service). */
  byName(name: string): VpcEndpointServiceRow | undefined {
    return this.db.prepare('SELECT * FROM vpc_endpoint_services WHERE name = ?').get(name) as VpcEndpointServiceRow | undefined;
  }

  /**
   * The region's services this account may see and connect to: its own, and those of other accounts that allow
   * one of `principals` (the account's root ARN, '*'), in creation order. Both halves are index look-ups (the
   * scope index, and permissions by principal — schema 025), never a read of every account's services.
   */
  visibleTo(account: string, region: string, principals: readonly string[]): VpcEndpointServiceRow[] {
    return this.db.prepare(VISIBLE_TO).all(account, region, JSON.stringify(principals), region) as VpcEndpointServiceRow[];
  }
}
