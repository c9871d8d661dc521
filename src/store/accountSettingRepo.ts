/** Single-value account settings of a region (schema 032), by name; an absent setting is AWS's default. */
import type { Database } from './db';
import type { Scope } from './query';

export class AccountSettingRepo {
  constructor(private readonly db: Database) {}

  get(scope: Scope, name: string): string | undefined {
    return this.db.prepare('SELECT value FROM account_settings WHERE account = ? AND region = ? AND name = ?').pluck().get(scope.account, scope.region, name) as
      | string
      | undefined;
  }

  /** Every setting of the scope whose name starts with `prefix`, by name. */
  withPrefix(scope: Scope, prefix: string): Map<string, string> {
    const rows = this.db
      .prepare('SELECT name, value FROM account_settings WHERE account = ? AND region = ? AND name >= ? AND name < ?')
      .all(scope.account, scope.region, prefix, `${prefix}\uffff`) as Array<{ name: string; value: string }>;
    return new Map(rows.map((r) => [r.name, r.value]));
  }

  set(scope: Scope, name: string, value: string): void {
    this.db
      .prepare('INSERT INTO account_settings (account, region, name, value) VALUES (?, ?, ?, ?) ON CONFLICT (account, region, name) DO UPDATE SET value = excluded.value')
      .run(scope.account, scope.region, name, value);
  }

  clear(scope: Scope, name: string): void {
    this.db.prepare('DELETE FROM account_settings WHERE account = ? AND region = ? AND name = ?').run(scope.account, scope.region, name);
  }
}
