/** EBS volumes, their attachments, snapshots (with who may restore them), modifications, encryption by default. */
import type { Database } from './db';
import { BOUND_LIMIT, groupedBy, ListOptions, Scope } from './query';
import type { SnapshotRow, VolumeAttachmentRow, VolumeModificationRow, VolumeRow } from './rows';
import { Table } from './table';

export class VolumeRepo extends Table<VolumeRow> {
  constructor(db: Database) {
    super(db, 'volumes', { from: 'volumes v', alias: 'v', select: 'v.*' });
  }

  /** Volumes made from a snapshot (DeleteSnapshot does not care; kept for filters at scale). */
  countFromSnapshot(snapshotId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM volumes WHERE snapshot_id = ?').get(snapshotId) as { n: number }).n;
  }
}

export class VolumeAttachmentRepo {
  constructor(private readonly db: Database) {}

  /** Inserts the attachment; returns its seq. */
  insert(row: Omit<VolumeAttachmentRow, 'seq'>): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO volume_attachments (volume_id, instance_id, account, region, device, status, attach_time, delete_on_termination)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.volume_id, row.instance_id, row.account, row.region, row.device, row.status, row.attach_time, row.delete_on_termination);
    return Number(lastInsertRowid);
  }

  get(volumeId: string, instanceId: string): VolumeAttachmentRow | undefined {
    return this.db.prepare('SELECT * FROM volume_attachments WHERE volume_id = ? AND instance_id = ?').get(volumeId, instanceId) as
      | VolumeAttachmentRow
      | undefined;
  }

  ofVolume(volumeId: string): VolumeAttachmentRow[] {
    return this.db.prepare('SELECT * FROM volume_attachments WHERE volume_id = ? ORDER BY seq').all(volumeId) as VolumeAttachmentRow[];
  }

  ofVolumes(volumeIds: readonly string[]): Map<string, VolumeAttachmentRow[]> {
    return groupedBy<VolumeAttachmentRow>(
      this.db,
      'SELECT * FROM volume_attachments WHERE volume_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      volumeIds,
      (r) => r.volume_id,
    );
  }

  ofInstance(instanceId: string): VolumeAttachmentRow[] {
    return this.db.prepare('SELECT * FROM volume_attachments WHERE instance_id = ? ORDER BY seq').all(instanceId) as VolumeAttachmentRow[];
  }

  ofInstances(instanceIds: readonly string[]): Map<string, VolumeAttachmentRow[]> {
    return groupedBy<VolumeAttachmentRow>(
      this.db,
      'SELECT * FROM volume_attachments WHERE instance_id IN (SELECT value FROM json_each(?)) ORDER BY instance_id, seq',
      instanceIds,
      (r) => r.instance_id,
    );
  }

  atDevice(instanceId: string, device: string): VolumeAttachmentRow | undefined {
    return this.db.prepare('SELECT * FROM volume_attachments WHERE instance_id = ? AND device = ?').get(instanceId, device) as
      | VolumeAttachmentRow
      | undefined;
  }

  update(volumeId: string, instanceId: string, changes: Partial<Pick<VolumeAttachmentRow, 'status' | 'delete_on_termination'>>): void {
    const cols = Object.keys(changes) as Array<keyof typeof changes>;
    if (cols.length === 0) return;
    this.db
      .prepare(`UPDATE volume_attachments SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE volume_id = ? AND instance_id = ?`)
      .run(...cols.map((c) => changes[c]), volumeId, instanceId);
  }

  delete(volumeId: string, instanceId: string): void {
    this.db.prepare('DELETE FROM volume_attachments WHERE volume_id = ? AND instance_id = ?').run(volumeId, instanceId);
  }
}

/** Which snapshots a caller sees: its own, and those shared with it or with everyone, in the region. */
export interface SnapshotVisibility {
  /** The caller. */
  account: string;
  region: string;
}

export class SnapshotRepo extends Table<SnapshotRow> {
  constructor(db: Database) {
    super(db, 'snapshots', { from: 'snapshots s', alias: 's', select: 's.*' });
  }

  /** A snapshot the caller owns or may restore, by id. */
  visible(who: SnapshotVisibility, id: string): SnapshotRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM snapshots s WHERE s.id = ? AND +s.region IN (?, '') AND (+s.account = ? OR EXISTS
           (SELECT 1 FROM snapshot_permissions p WHERE p.snapshot_id = s.id AND p.grantee IN (?, 'all')))`,
      )
      .get(id, who.region, who.account, who.account) as SnapshotRow | undefined;
  }

  /**
   * The Describe list over what the caller sees. The scope of `listRows` is the caller's own; shared snapshots of
   * other accounts come in through the permissions table (index on grantee), so the same seq paging works.
   */
  listVisible(who: SnapshotVisibility, opts: ListOptions): SnapshotRow[] {
    const where = [
      // '' = every region (the catalog images' snapshots)
      "s.region IN (?, '')",
      's.seq > ?',
      "(s.account = ? OR s.id IN (SELECT snapshot_id FROM snapshot_permissions WHERE grantee IN (?, 'all')))",
    ];
    const params: unknown[] = [who.region, opts.afterSeq ?? 0, who.account, who.account];
    if (opts.ids) {
      where.push('s.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(opts.ids));
    }
    // One canonical order of the clauses, as listRows does, so the statement cache stays small.
    for (const c of [...(opts.clauses ?? [])].sort((x, y) => (x.sql < y.sql ? -1 : x.sql > y.sql ? 1 : 0))) {
      where.push(`(${c.sql})`);
      params.push(...c.params);
    }
    params.push(opts.limit ?? -1);
    return this.db.prepare(`SELECT s.* FROM snapshots s WHERE ${where.join(' AND ')} ORDER BY s.seq ${BOUND_LIMIT}`).all(...params) as SnapshotRow[];
  }

  grantees(snapshotId: string): string[] {
    return this.db.prepare('SELECT grantee FROM snapshot_permissions WHERE snapshot_id = ? ORDER BY grantee').pluck().all(snapshotId) as string[];
  }

  granteesOf(snapshotIds: readonly string[]): Map<string, Array<{ snapshot_id: string; grantee: string }>> {
    return groupedBy<{ snapshot_id: string; grantee: string }>(
      this.db,
      'SELECT snapshot_id, grantee FROM snapshot_permissions WHERE snapshot_id IN (SELECT value FROM json_each(?)) ORDER BY grantee',
      snapshotIds,
      (r) => r.snapshot_id,
    );
  }

  grant(snapshotId: string, grantee: string): void {
    this.db.prepare('INSERT OR IGNORE INTO snapshot_permissions (snapshot_id, grantee) VALUES (?, ?)').run(snapshotId, grantee);
  }

  revoke(snapshotId: string, grantee: string): void {
    this.db.prepare('DELETE FROM snapshot_permissions WHERE snapshot_id = ? AND grantee = ?').run(snapshotId, grantee);
  }

  revokeAll(snapshotId: string): void {
    this.db.prepare('DELETE FROM snapshot_permissions WHERE snapshot_id = ?').run(snapshotId);
  }

  anyInRegion(region: string): boolean {
    return this.db.prepare('SELECT 1 FROM snapshots WHERE region = ? LIMIT 1').get(region) !== undefined;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM snapshots WHERE id = ?').get(id) !== undefined;
  }
}

export class VolumeModificationRepo extends Table<VolumeModificationRow> {
  constructor(db: Database) {
    super(db, 'volume_modifications', { from: 'volume_modifications m', alias: 'm', select: 'm.*' });
  }

  /** One row per volume: a new modification replaces the last one. */
  replace(row: Omit<VolumeModificationRow, 'seq'>): void {
    this.db.prepare('DELETE FROM volume_modifications WHERE id = ?').run(row.id);
    this.insert(row);
  }
}

export class EbsDefaultsRepo {
  constructor(private readonly db: Database) {}

  encryptionByDefault(scope: Scope): boolean {
    const row = this.db.prepare('SELECT encryption_by_default AS on_ FROM ebs_defaults WHERE account = ? AND region = ?').get(scope.account, scope.region) as
      | { on_: number }
      | undefined;
    return row?.on_ === 1;
  }

  setEncryptionByDefault(scope: Scope, on: boolean): void {
    this.db
      .prepare(
        `INSERT INTO ebs_defaults (account, region, encryption_by_default) VALUES (?, ?, ?)
         ON CONFLICT (account, region) DO UPDATE SET encryption_by_default = excluded.encryption_by_default`,
      )
      .run(scope.account, scope.region, on ? 1 : 0);
  }
}
