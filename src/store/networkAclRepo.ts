/** Network ACLs, their entries (rules) and their subnet associations. */
import type { Database } from './db';
import { groupedBy, Scope } from './query';
import type { NetworkAclAssociationRow, NetworkAclEntryRow, NetworkAclRow } from './rows';
import { Table, toSql } from './table';

export type NewAclEntry = Omit<NetworkAclEntryRow, 'seq'>;

export class NetworkAclRepo extends Table<NetworkAclRow> {
  readonly associations: Table<NetworkAclAssociationRow>;

  constructor(db: Database) {
    super(db, 'network_acls', { from: 'network_acls n', alias: 'n', select: 'n.*' });
    this.associations = new Table(db, 'network_acl_associations');
  }

  defaultOf(vpcId: string): NetworkAclRow | undefined {
    return this.db.prepare('SELECT * FROM network_acls WHERE vpc_id = ? AND is_default = 1').get(vpcId) as NetworkAclRow | undefined;
  }

  inVpc(vpcId: string): NetworkAclRow[] {
    return this.db.prepare('SELECT * FROM network_acls WHERE vpc_id = ? ORDER BY seq').all(vpcId) as NetworkAclRow[];
  }

  /** Entries of these ACLs as AWS lists them: egress first, then by rule number. */
  entriesOf(aclIds: readonly string[]): Map<string, NetworkAclEntryRow[]> {
    return groupedBy<NetworkAclEntryRow>(
      this.db,
      'SELECT * FROM network_acl_entries WHERE network_acl_id IN (SELECT value FROM json_each(?)) ORDER BY egress DESC, rule_number',
      aclIds,
      (r) => r.network_acl_id,
    );
  }

  entry(aclId: string, egress: boolean, ruleNumber: number): NetworkAclEntryRow | undefined {
    return this.db
      .prepare('SELECT * FROM network_acl_entries WHERE network_acl_id = ? AND egress = ? AND rule_number = ?')
      .get(aclId, egress ? 1 : 0, ruleNumber) as NetworkAclEntryRow | undefined;
  }

  insertEntry(entry: NewAclEntry): void {
    const cols = Object.keys(entry);
    this.db
      .prepare(`INSERT INTO network_acl_entries (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => toSql((entry as Record<string, unknown>)[c])));
  }

  updateEntry(seq: number, changes: Partial<NewAclEntry>): void {
    const cols = Object.keys(changes);
    if (cols.length === 0) return;
    this.db
      .prepare(`UPDATE network_acl_entries SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE seq = ?`)
      .run(...cols.map((c) => toSql((changes as Record<string, unknown>)[c])), seq);
  }

  deleteEntry(seq: number): void {
    this.db.prepare('DELETE FROM network_acl_entries WHERE seq = ?').run(seq);
  }

  associationsOf(aclIds: readonly string[]): Map<string, NetworkAclAssociationRow[]> {
    return groupedBy<NetworkAclAssociationRow>(
      this.db,
      'SELECT * FROM network_acl_associations WHERE network_acl_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      aclIds,
      (r) => r.network_acl_id,
    );
  }

  /** An association of the scope by its id (associations carry no scope of their own: their ACL's). */
  association(scope: Scope, id: string): NetworkAclAssociationRow | undefined {
    return this.db
      .prepare(
        `SELECT a.* FROM network_acl_associations a JOIN network_acls n ON n.id = a.network_acl_id
         WHERE a.id = ? AND n.account = ? AND n.region = ?`,
      )
      .get(id, scope.account, scope.region) as NetworkAclAssociationRow | undefined;
  }

  subnetAssociation(subnetId: string): NetworkAclAssociationRow | undefined {
    return this.db.prepare('SELECT * FROM network_acl_associations WHERE subnet_id = ?').get(subnetId) as
      | NetworkAclAssociationRow
      | undefined;
  }

  deleteAssociation(id: string): void {
    this.db.prepare('DELETE FROM network_acl_associations WHERE id = ?').run(id);
  }

  /** ACLs of the VPC other than its default one (DeleteVpc's dependency check). */
  nonDefaultCount(vpcId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM network_acls WHERE vpc_id = ? AND is_default = 0').get(vpcId) as { n: number }).n;
  }
}
