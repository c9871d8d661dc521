/** Tags of every resource type, keyed by resource id. */
import type { Tag } from '../protocol/model/types.generated';
import type { Database } from './db';
import { groupedBy, listRows, ListOptions, Scope } from './query';
import type { TagRow } from './rows';

export class TagRepo {
  constructor(private readonly db: Database) {}

  /** Creates or overwrites tags (AWS CreateTags semantics: same key = new value). */
  put(scope: Scope, resourceId: string, resourceType: string, tags: readonly Tag[]): void {
    const stmt = this.db.prepare(
      `INSERT INTO tags (resource_id, key, value, account, region, resource_type) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (resource_id, key) DO UPDATE SET value = excluded.value`,
    );
    for (const t of tags) stmt.run(resourceId, t.Key ?? '', t.Value ?? '', scope.account, scope.region, resourceType);
  }

  /** DeleteTags: no value = delete the key whatever its value; a value (even "") = only if equal. */
  remove(resourceId: string, key: string, value?: string): void {
    if (value === undefined) this.db.prepare('DELETE FROM tags WHERE resource_id = ? AND key = ?').run(resourceId, key);
    else this.db.prepare('DELETE FROM tags WHERE resource_id = ? AND key = ? AND value = ?').run(resourceId, key, value);
  }

  removeAll(resourceId: string): void {
    this.db.prepare('DELETE FROM tags WHERE resource_id = ?').run(resourceId);
  }

  of(resourceId: string): Tag[] {
    const rows = this.db.prepare('SELECT key, value FROM tags WHERE resource_id = ? ORDER BY key').all(resourceId) as TagRow[];
    return rows.map((r) => ({ Key: r.key, Value: r.value }));
  }

  count(resourceId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM tags WHERE resource_id = ?').get(resourceId) as { n: number }).n;
  }

  hasKey(resourceId: string, key: string): boolean {
    return this.db.prepare('SELECT 1 FROM tags WHERE resource_id = ? AND key = ?').get(resourceId, key) !== undefined;
  }

  /** Tags of many resources in one query; every id gets an entry (possibly empty). */
  forResources(ids: readonly string[]): Map<string, Tag[]> {
    const rows = groupedBy<TagRow>(
      this.db,
      'SELECT resource_id, key, value FROM tags WHERE resource_id IN (SELECT value FROM json_each(?)) ORDER BY key',
      ids,
      (r) => r.resource_id,
    );
    return new Map([...rows].map(([id, tags]) => [id, tags.map((r) => ({ Key: r.key, Value: r.value }))]));
  }

  list(scope: Scope, opts: ListOptions): TagRow[] {
    return listRows<TagRow>(this.db, { from: 'tags t', alias: 't', select: 't.*' }, scope, opts);
  }
}
