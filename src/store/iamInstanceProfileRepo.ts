/** IAM instance profile associations (schema/007_iam_instance_profiles.sql). */
import type { Database } from './db';
import { groupedBy } from './query';
import type { IamProfileAssociationRow } from './rows';
import { Table } from './table';

export class IamInstanceProfileRepo extends Table<IamProfileAssociationRow> {
  constructor(db: Database) {
    super(db, 'iam_instance_profile_associations', { from: 'iam_instance_profile_associations a', alias: 'a', select: 'a.*' });
  }

  /** The associations of many instances in one query (any state), oldest first. */
  ofInstances(instanceIds: readonly string[]): Map<string, IamProfileAssociationRow[]> {
    return groupedBy<IamProfileAssociationRow>(
      this.db,
      'SELECT * FROM iam_instance_profile_associations WHERE instance_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      instanceIds,
      (r) => r.instance_id,
    );
  }

  deleteOfInstance(instanceId: string): void {
    this.db.prepare('DELETE FROM iam_instance_profile_associations WHERE instance_id = ?').run(instanceId);
  }
}
