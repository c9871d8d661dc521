/** Launch templates and their versions. */
import type { Database } from './db';
import type { Scope } from './query';
import type { LaunchTemplateRow, LaunchTemplateVersionRow } from './rows';
import { Table } from './table';

const LATEST = '(SELECT max(v.number) FROM launch_template_versions v WHERE v.template_id = l.id)';

export class LaunchTemplateRepo extends Table<LaunchTemplateRow> {
  readonly versions: LaunchTemplateVersionRepo;

  constructor(db: Database) {
    super(db, 'launch_templates', { from: 'launch_templates l', alias: 'l', select: `l.*, ${LATEST} AS latest_version` });
    this.versions = new LaunchTemplateVersionRepo(db);
  }

  byName(scope: Scope, name: string): LaunchTemplateRow | undefined {
    return this.db
      .prepare(`SELECT l.*, ${LATEST} AS latest_version FROM launch_templates l WHERE l.account = ? AND l.region = ? AND l.name = ?`)
      .get(scope.account, scope.region, name) as LaunchTemplateRow | undefined;
  }

  withLatest(scope: Scope, id: string): LaunchTemplateRow | undefined {
    return this.db
      .prepare(`SELECT l.*, ${LATEST} AS latest_version FROM launch_templates l WHERE l.id = ? AND +l.account = ? AND +l.region = ?`)
      .get(id, scope.account, scope.region) as LaunchTemplateRow | undefined;
  }
}

export class LaunchTemplateVersionRepo extends Table<LaunchTemplateVersionRow> {
  constructor(db: Database) {
    super(db, 'launch_template_versions', {
      from: 'launch_template_versions t JOIN launch_templates l ON l.id = t.template_id',
      alias: 't',
      select: 't.*, l.name AS template_name, l.default_version AS default_version',
    });
  }

  of(templateId: string, number: number): LaunchTemplateVersionRow | undefined {
    return this.db.prepare('SELECT * FROM launch_template_versions WHERE template_id = ? AND number = ?').get(templateId, number) as
      | LaunchTemplateVersionRow
      | undefined;
  }

  latest(templateId: string): LaunchTemplateVersionRow | undefined {
    return this.db
      .prepare('SELECT * FROM launch_template_versions WHERE template_id = ? ORDER BY number DESC LIMIT 1')
      .get(templateId) as LaunchTemplateVersionRow | undefined;
  }
}
