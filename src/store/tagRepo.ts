/**
 * Tags, keyed by (resource id, account, region): each scope keeps its own tags on a resource, as AWS keeps each
 * account's tags apart on a resource two accounts see (a VPC peering connection, a transit gateway peering
 * attachment, a shared image). Every read and write names the caller's scope.
 */
import type { Tag } from '../protocol/model/types.generated';
import { reverseText } from '../filters/glob';
import type { Database } from './db';
import { listRows, ListOptions, Scope } from './query';
import type { TagRow } from './rows';

export class TagRepo {
  constructor(private readonly db: Database) {}

  /**
   * Creates or overwrites the scope's tags (AWS CreateTags semantics: same key = new value). Each value is stored
   * reversed too, for filters that start with `*` (schema/027_tag_value_suffix_index.sql).
   */
  put(scope: Scope, resourceId: string, resourceType: string, tags: readonly Tag[]): void {
    const stmt = this.db.prepare(
      `INSERT INTO tags (resource_id, key, value, value_reversed, account, region, resource_type) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (resource_id, account, region, key) DO UPDATE SET value = excluded.value, value_reversed = excluded.value_reversed`,
    );
    for (const t of tags) {
      const value = t.Value ?? '';
      stmt.run(resourceId, t.Key ?? '', value, reverseText(value), scope.account, scope.region, resourceType);
    }
  }

  /** DeleteTags: no value = delete the key whatever its value; a value (even "") = only if equal. */
  remove(scope: Scope, resourceId: string, key: string, value?: string): void {
    if (value === undefined) {
      this.db.prepare('DELETE FROM tags WHERE resource_id = ? AND account = ? AND region = ? AND key = ?').run(resourceId, scope.account, scope.region, key);
    } else {
      this.db
        .prepare('DELETE FROM tags WHERE resource_id = ? AND account = ? AND region = ? AND key = ? AND value = ?')
        .run(resourceId, scope.account, scope.region, key, value);
    }
  }

  removeAll(scope: Scope, resourceId: string): void {
    this.db.prepare('DELETE FROM tags WHERE resource_id = ? AND account = ? AND region = ?').run(resourceId, scope.account, scope.region);
  }

  of(scope: Scope, resourceId: string): Tag[] {
    const rows = this.db
      .prepare('SELECT key, value FROM tags WHERE resource_id = ? AND account = ? AND region = ? ORDER BY key')
      .all(resourceId, scope.account, scope.region) as TagRow[];
    return rows.map((r) => ({ Key: r.key, Value: r.value }));
  }

  count(scope: Scope, resourceId: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM tags WHERE resource_id = ? AND account = ? AND region = ?').get(resourceId, scope.account, scope.region) as {
        n: number;
      }
    ).n;
  }

  hasKey(scope: Scope, resourceId: string, key: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM tags WHERE resource_id = ? AND account = ? AND region = ? AND key = ?').get(resourceId, scope.account, scope.region, key) !==
      undefined
    );
  }

  /**
   * The scope's tags of many resources in one query; every id gets an entry (possibly empty). `+account`/`+region`
   * keep the planner on the (resource_id, …) key: left to itself it takes tags_key_value for the two equalities and
   * reads every tag of the scope.
   */
  forResources(scope: Scope, ids: readonly string[]): Map<string, Tag[]> {
    const out = new Map<string, Tag[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = this.db
      .prepare(
        'SELECT resource_id, key, value FROM tags WHERE resource_id IN (SELECT value FROM json_each(?)) AND +account = ? AND +region = ? ORDER BY key',
      )
      .all(JSON.stringify(ids), scope.account, scope.region) as TagRow[];
    for (const r of rows) out.get(r.resource_id)?.push({ Key: r.key, Value: r.value });
    return out;
  }

  list(scope: Scope, opts: ListOptions): TagRow[] {
    return listRows<TagRow>(this.db, { from: 'tags t', alias: 't', select: 't.*' }, scope, opts);
  }
}
