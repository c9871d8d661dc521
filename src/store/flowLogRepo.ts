/** VPC flow logs (schema/006_flow_logs.sql). */
import type { Database } from './db';
import type { FlowLogRow } from './rows';
import { Table } from './table';

export class FlowLogRepo extends Table<FlowLogRow> {
  constructor(db: Database) {
    super(db, 'flow_logs', { from: 'flow_logs f', alias: 'f', select: 'f.*' });
  }

  /** The flow logs watching this resource (the duplicate check of CreateFlowLogs). */
  ofResource(resourceId: string): FlowLogRow[] {
    return this.db.prepare('SELECT * FROM flow_logs WHERE resource_id = ? ORDER BY seq').all(resourceId) as FlowLogRow[];
  }
}
