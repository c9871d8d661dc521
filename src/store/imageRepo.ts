/** Account-owned images (schema 013), who may launch them, and the snapshots behind them. */
import type { Database } from './db';
import { groupedBy } from './query';
import type { ImageRow } from './rows';
import { Table } from './table';

/** The caller, for what it may see and launch. */
export interface ImageVisibility {
  account: string;
  region: string;
}

export class ImageRepo extends Table<ImageRow> {
  constructor(db: Database) {
    super(db, 'images', { from: 'images m', alias: 'm', select: 'm.*' });
  }

  /** An image of the region the caller owns or may launch (shared with it or public), by id. */
  visible(who: ImageVisibility, id: string): ImageRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM images m WHERE m.id = ? AND +m.region = ? AND (+m.account = ? OR EXISTS
           (SELECT 1 FROM image_permissions p WHERE p.image_id = m.id AND p.grantee IN (?, 'all')))`,
      )
      .get(id, who.region, who.account, who.account) as ImageRow | undefined;
  }

  /** Every image of the region the caller sees (its own, then shared or public), in creation order. */
  listVisible(who: ImageVisibility, ids?: readonly string[]): ImageRow[] {
    const byId = ids ? ' AND m.id IN (SELECT value FROM json_each(?))' : '';
    const params: unknown[] = [who.region, who.account, who.account];
    if (ids) params.push(JSON.stringify(ids));
    return this.db
      .prepare(
        `SELECT m.* FROM images m WHERE m.region = ? AND (m.account = ? OR m.id IN
           (SELECT image_id FROM image_permissions WHERE grantee IN (?, 'all')))${byId} ORDER BY m.seq`,
      )
      .all(...params) as ImageRow[];
  }

  /** Remembers a deregistered image's id until `now`; forgets those deregistered before `forgetBefore`. */
  rememberDeregistered(id: string, owner: ImageVisibility, now: number, forgetBefore: number): void {
    this.db.prepare('DELETE FROM deregistered_images WHERE deregistered_at < ?').run(forgetBefore);
    this.db
      .prepare('INSERT OR REPLACE INTO deregistered_images (id, region, account, deregistered_at) VALUES (?, ?, ?, ?)')
      .run(id, owner.region, owner.account, now);
  }

  /** Which of `ids` the caller (their owner) deregistered in the region at or after `since`. */
  deregisteredSince(who: ImageVisibility, ids: readonly string[], since: number): Set<string> {
    const rows = this.db
      .prepare('SELECT id FROM deregistered_images WHERE id IN (SELECT value FROM json_each(?)) AND region = ? AND account = ? AND deregistered_at >= ?')
      .pluck()
      .all(JSON.stringify(ids), who.region, who.account, since) as string[];
    return new Set(rows);
  }

  byName(account: string, region: string, name: string): ImageRow | undefined {
    return this.db.prepare('SELECT * FROM images WHERE account = ? AND region = ? AND name = ?').get(account, region, name) as ImageRow | undefined;
  }

  grantees(imageId: string): string[] {
    return this.db.prepare('SELECT grantee FROM image_permissions WHERE image_id = ? ORDER BY grantee').pluck().all(imageId) as string[];
  }

  granteesOf(imageIds: readonly string[]): Map<string, Array<{ image_id: string; grantee: string }>> {
    return groupedBy<{ image_id: string; grantee: string }>(
      this.db,
      'SELECT image_id, grantee FROM image_permissions WHERE image_id IN (SELECT value FROM json_each(?)) ORDER BY grantee',
      imageIds,
      (r) => r.image_id,
    );
  }

  grant(imageId: string, grantee: string): void {
    this.db.prepare('INSERT OR IGNORE INTO image_permissions (image_id, grantee) VALUES (?, ?)').run(imageId, grantee);
  }

  revoke(imageId: string, grantee: string): void {
    this.db.prepare('DELETE FROM image_permissions WHERE image_id = ? AND grantee = ?').run(imageId, grantee);
  }

  revokeAll(imageId: string): void {
    this.db.prepare('DELETE FROM image_permissions WHERE image_id = ?').run(imageId);
  }

  addSnapshot(imageId: string, snapshotId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO image_snapshots (snapshot_id, image_id) VALUES (?, ?)').run(snapshotId, imageId);
  }

  /** An image whose block device mappings use the snapshot, if any. */
  usingSnapshot(snapshotId: string): string | undefined {
    return this.db.prepare('SELECT image_id FROM image_snapshots WHERE snapshot_id = ? LIMIT 1').pluck().get(snapshotId) as string | undefined;
  }
}
