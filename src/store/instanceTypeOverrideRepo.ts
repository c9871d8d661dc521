/** Operator changes to instance types (global: the operator owns the cloud, not an account). */
import type { Database } from './db';

export interface InstanceTypeOverrideRow {
  name: string;
  max_network_interfaces: number | null;
  cpu: number | null;
  disk: number | null;
  memory: number | null;
}

export class InstanceTypeOverrideRepo {
  constructor(private readonly db: Database) {}

  get(name: string): InstanceTypeOverrideRow | undefined {
    // Read on every launch, attach and DescribeInstances; most databases never hold an override.
    if (this.db.isSurelyEmpty('instance_type_overrides')) return undefined;
    return this.db.prepare('SELECT * FROM instance_type_overrides WHERE name = ?').get(name) as InstanceTypeOverrideRow | undefined;
  }

  put(row: InstanceTypeOverrideRow): void {
    this.db
      .prepare(
        `INSERT INTO instance_type_overrides (name, max_network_interfaces, cpu, disk, memory) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET max_network_interfaces = excluded.max_network_interfaces,
           cpu = excluded.cpu, disk = excluded.disk, memory = excluded.memory`,
      )
      .run(row.name, row.max_network_interfaces, row.cpu, row.disk, row.memory);
  }

  delete(name: string): void {
    this.db.prepare('DELETE FROM instance_type_overrides WHERE name = ?').run(name);
  }
}
