/** Network interfaces, their security groups and their attachments. */
import type { Database } from './db';
import { groupedBy, Scope } from './query';
import type { AttachmentRow, NetworkInterfacePermissionRow, NetworkInterfaceRow } from './rows';
import { Table } from './table';

export interface InterfaceGroup {
  network_interface_id: string;
  group_id: string;
  name: string;
}

export class NetworkInterfaceRepo extends Table<NetworkInterfaceRow> {
  constructor(db: Database) {
    super(db, 'network_interfaces', {
      from: 'network_interfaces n LEFT JOIN attachments a ON a.network_interface_id = n.id',
      alias: 'n',
      select: 'n.*',
    });
  }

  /** The requester-managed interface whose service attachment (`ela-attach-…`) this is. */
  byServiceAttachment(scope: Scope, attachmentId: string): NetworkInterfaceRow | undefined {
    return this.db
      .prepare('SELECT * FROM network_interfaces WHERE service_attachment_id = ? AND +account = ? AND +region = ?')
      .get(attachmentId, scope.account, scope.region) as NetworkInterfaceRow | undefined;
  }

  macInUse(mac: string): boolean {
    return this.db.prepare('SELECT 1 FROM network_interfaces WHERE mac_address = ?').get(mac) !== undefined;
  }

  /** Security groups of many interfaces, in the order they were given. */
  groupsOf(eniIds: readonly string[]): Map<string, InterfaceGroup[]> {
    return groupedBy<InterfaceGroup>(
      this.db,
      `SELECT ng.network_interface_id, ng.group_id, g.name FROM network_interface_groups ng
       JOIN security_groups g ON g.id = ng.group_id
       WHERE ng.network_interface_id IN (SELECT value FROM json_each(?)) ORDER BY ng.network_interface_id, ng.position`,
      eniIds,
      (r) => r.network_interface_id,
    );
  }

  setGroups(eniId: string, groupIds: readonly string[]): void {
    this.db.prepare('DELETE FROM network_interface_groups WHERE network_interface_id = ?').run(eniId);
    this.addGroups(eniId, groupIds);
  }

  /** The groups of an interface that has none yet (a new one): setGroups without its delete. */
  addGroups(eniId: string, groupIds: readonly string[]): void {
    const insert = this.db.prepare('INSERT INTO network_interface_groups (network_interface_id, group_id, position) VALUES (?, ?, ?)');
    groupIds.forEach((g, i) => insert.run(eniId, g, i));
  }
}

export class AttachmentRepo extends Table<AttachmentRow> {
  constructor(db: Database) {
    super(db, 'attachments');
  }

  ofInterface(eniId: string): AttachmentRow | undefined {
    return this.db.prepare('SELECT * FROM attachments WHERE network_interface_id = ?').get(eniId) as AttachmentRow | undefined;
  }

  ofInterfaces(eniIds: readonly string[]): Map<string, AttachmentRow> {
    if (eniIds.length === 0) return new Map();
    const rows = this.db
      .prepare('SELECT * FROM attachments WHERE network_interface_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(eniIds)) as AttachmentRow[];
    return new Map(rows.map((r) => [r.network_interface_id, r]));
  }

  /** Attachments of many instances (attaching, attached and detaching alike), by device index. */
  ofInstances(instanceIds: readonly string[]): Map<string, AttachmentRow[]> {
    return groupedBy<AttachmentRow>(
      this.db,
      'SELECT * FROM attachments WHERE instance_id IN (SELECT value FROM json_each(?)) ORDER BY instance_id, network_card_index, device_index',
      instanceIds,
      (r) => r.instance_id,
    );
  }

  ofInstance(instanceId: string): AttachmentRow[] {
    return this.db.prepare('SELECT * FROM attachments WHERE instance_id = ? ORDER BY network_card_index, device_index').all(instanceId) as AttachmentRow[];
  }

  primaryOf(instanceId: string): AttachmentRow | undefined {
    return this.db
      .prepare('SELECT * FROM attachments WHERE instance_id = ? AND device_index = 0 AND network_card_index = 0')
      .get(instanceId) as AttachmentRow | undefined;
  }

  atIndex(instanceId: string, card: number, index: number): AttachmentRow | undefined {
    return this.db
      .prepare('SELECT * FROM attachments WHERE instance_id = ? AND network_card_index = ? AND device_index = ?')
      .get(instanceId, card, index) as AttachmentRow | undefined;
  }

  byId(scope: Scope, id: string): AttachmentRow | undefined {
    return this.get(scope, id);
  }
}

export class NetworkInterfacePermissionRepo extends Table<NetworkInterfacePermissionRow> {
  constructor(db: Database) {
    super(db, 'network_interface_permissions', { from: 'network_interface_permissions p', alias: 'p', select: 'p.*' });
  }
}
