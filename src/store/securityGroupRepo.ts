/** Security groups and their rules; references that block a delete. */
import type { Database } from './db';
import { groupedBy, Scope } from './query';
import type { SecurityGroupRow, SecurityGroupRuleRow } from './rows';
import { Table } from './table';

export class SecurityGroupRepo extends Table<SecurityGroupRow> {
  readonly rules: Table<SecurityGroupRuleRow>;

  constructor(db: Database) {
    super(db, 'security_groups', { from: 'security_groups g', alias: 'g', select: 'g.*' });
    this.rules = new Table<SecurityGroupRuleRow>(db, 'security_group_rules', {
      from: 'security_group_rules r',
      alias: 'r',
      select: 'r.*',
    });
  }

  byName(vpcId: string, name: string): SecurityGroupRow | undefined {
    return this.db.prepare('SELECT * FROM security_groups WHERE vpc_id = ? AND name = ?').get(vpcId, name) as
      | SecurityGroupRow
      | undefined;
  }

  defaultOf(vpcId: string): SecurityGroupRow | undefined {
    return this.db.prepare('SELECT * FROM security_groups WHERE vpc_id = ? AND is_default = 1').get(vpcId) as
      | SecurityGroupRow
      | undefined;
  }

  inVpc(vpcId: string): SecurityGroupRow[] {
    return this.db.prepare('SELECT * FROM security_groups WHERE vpc_id = ? ORDER BY seq').all(vpcId) as SecurityGroupRow[];
  }

  /** Groups with this name anywhere in the scope (GroupName lookups). */
  named(scope: Scope, names: readonly string[]): SecurityGroupRow[] {
    return this.db
      .prepare('SELECT * FROM security_groups WHERE account = ? AND region = ? AND name IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(scope.account, scope.region, JSON.stringify(names)) as SecurityGroupRow[];
  }

  /** Rules of many groups in one query, in creation order. */
  rulesOf(groupIds: readonly string[]): Map<string, SecurityGroupRuleRow[]> {
    return groupedBy<SecurityGroupRuleRow>(
      this.db,
      'SELECT * FROM security_group_rules WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      groupIds,
      (r) => r.group_id,
    );
  }

  /** Another group's rule or a network interface still uses the group. */
  isReferenced(groupId: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM security_group_rules WHERE ref_group_id = ? AND group_id <> ?
           UNION ALL SELECT 1 FROM network_interface_groups WHERE group_id = ? LIMIT 1`,
        )
        .get(groupId, groupId, groupId) !== undefined
    );
  }

  deleteRulesReferencing(groupId: string): void {
    this.db.prepare('DELETE FROM security_group_rules WHERE ref_group_id = ?').run(groupId);
  }
}
