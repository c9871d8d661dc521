/**
 * The EC2 filter engine: `Filter.N.Name` / `Filter.N.Value.M`. Different names AND together, values of one name
 * OR together, `*` and `?` are wildcards (backslash escapes them), matching is case-sensitive, and a resource
 * with several values for a name (all its private IPs, all its groups) matches if any value matches.
 * `tag:<key>`, `tag-key` and `tag-value` work for every resource that has tags.
 *
 * Each resource declares its filters once (name -> accessor over the API object, plus an optional SQL column).
 * Values on a filter with a column, and on the tag filters, are pushed down into SQL (exact ones as `=` / `IN
 * (json_each(?))`, wildcards as GLOB) so that lookups at scale use indexes; the rest is checked in JS over the rows
 * SQL already narrowed.
 */
import { RequestErrors } from '../errors';
import { globMatcher, hasWildcard, literalSuffix, reverseText, sqlGlobPrefix, toSqlGlob } from './glob';
import type { Filter, Tag } from '../protocol/model/types.generated';

type FilterScalar = string | number | boolean | Date | null | undefined;
export type FilterValue = FilterScalar | readonly FilterScalar[];

interface FilterScope {
  account: string;
  region: string;
}

export interface FilterField<T> {
  get: (item: T) => FilterValue;
  /** SQL expression (over the resource's list query aliases) equal to the value, for pushdown (exact values and wildcards). */
  sql?: string;
  /**
   * A whole pushdown condition for exact values held elsewhere (e.g. any of an interface's addresses): receives
   * the JSON array of values and the scope, returns the clause.
   */
  sqlIn?: (valuesJson: string, scope: FilterScope) => SqlClause;
}

export interface FilterSpec<T> {
  fields: Record<string, FilterField<T>>;
  /** Other names AWS accepts for a field (alias -> field name), besides the camelCase forms every field gets. */
  aliases?: Record<string, string>;
  /** The item's tags; enables tag:<key>, tag-key and tag-value. */
  tags?: (item: T) => readonly Tag[] | undefined;
  /** SQL expression for the resource id, enabling tag filter pushdown through the tags table. */
  idSql?: string;
}

export interface SqlClause {
  sql: string;
  params: unknown[];
}

interface CompiledFilters<T> {
  /** Conditions SQL evaluates. */
  clauses: SqlClause[];
  /** What is left for JS; always true when everything was pushed down. */
  matches: (item: T) => boolean;
  /** True when some condition runs in JS (pagination must then scan candidates). */
  needsScan: boolean;
  /** Stable text of the filters, to tie a NextToken to the query that produced it. */
  fingerprint: string;
}

/** `is-default` -> `isDefault`, `attachment.instance-id` -> `attachment.instanceId`. */
const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const camelIndexes = new WeakMap<object, Map<string, string>>();
const TAG_FILTERS = ['tag-key', 'tag-value'];

/**
 * The field a filter name selects: its own name, a declared alias, or its older camelCase form, which EC2 still
 * accepts for every filter (`isDefault`, `availabilityZone`, `defaultForAz`, `vpcId`; SDKs and Terraform send them).
 */
function resolveFilterName(spec: FilterSpec<unknown>, name: string): string | undefined {
  if (Object.hasOwn(spec.fields, name) || (spec.tags && TAG_FILTERS.includes(name))) return name;
  if (spec.aliases && Object.hasOwn(spec.aliases, name)) return spec.aliases[name];
  let camel = camelIndexes.get(spec);
  if (!camel) {
    const names = [...Object.keys(spec.fields), ...(spec.tags ? TAG_FILTERS : [])];
    camel = new Map(names.map((field) => [camelCase(field), field]));
    camelIndexes.set(spec, camel);
  }
  return camel.get(name);
}

const unescape = (v: string) => v.replace(/\\([*?\\])/g, '$1');

/** Compiles one filter value to a matcher: exact comparison unless it has unescaped wildcards. */
function valueMatcher(pattern: string): (s: string) => boolean {
  if (!hasWildcard(pattern)) {
    const exact = unescape(pattern);
    return (s) => s === exact;
  }
  return globMatcher(pattern);
}

function asStrings(v: FilterValue): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list as FilterScalar[]) {
    if (x === undefined || x === null) continue;
    out.push(x instanceof Date ? x.toISOString() : String(x));
  }
  return out;
}

function anyMatch(values: string[], matchers: Array<(s: string) => boolean>): boolean {
  for (const v of values) for (const m of matchers) if (m(v)) return true;
  return false;
}

/**
 * `column` equals one of the values: `= ?` for one exact value (an index on (column, seq) then yields rows already in
 * page order), `IN json_each` for several, and GLOB where any value has wildcards, so wildcard filters run in SQL
 * too (a prefix such as `web-*` becomes an index range) instead of presenting every row to match it in JS.
 */
function valueCondition(column: string, values: readonly string[]): SqlClause {
  if (values.every((v) => !hasWildcard(v))) {
    return values.length === 1
      ? { sql: `${column} = ?`, params: [unescape(values[0])] }
      : { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values.map(unescape))] };
  }
  const globs = values.map(toSqlGlob);
  return globs.length === 1
    ? { sql: `${column} GLOB ?`, params: [globs[0]] }
    : { sql: `EXISTS (SELECT 1 FROM json_each(?) AS p WHERE ${column} GLOB p.value)`, params: [JSON.stringify(globs)] };
}

export function compileFilters<T>(
  spec: FilterSpec<T>,
  filters: readonly Filter[] | undefined,
  scope: FilterScope,
): CompiledFilters<T> {
  const clauses: SqlClause[] = [];
  const checks: Array<(item: T) => boolean> = [];
  const parts: string[] = [];
  for (const f of filters ?? []) {
    const given = f.Name ?? '';
    const name = given.startsWith('tag:') ? given : resolveFilterName(spec as FilterSpec<unknown>, given) ?? given;
    const values = f.Values ?? [];
    parts.push(`${name}=${values.join('\u0001')}`);
    const exact = values.every((v) => !hasWildcard(v));
    const matchers = values.map(valueMatcher);

    if (spec.tags && (name.startsWith('tag:') || name === 'tag-key' || name === 'tag-value')) {
      const column = name === 'tag-key' ? 'key' : 'value';
      if (spec.idSql) {
        // Through the tags table (index on account, region, key, value): exact values and wildcards alike. Columns
        // are qualified: json_each's own `key` and `value` would shadow them inside the GLOB subquery.
        const byKey = name.startsWith('tag:');
        const cond = valueCondition(`tg.${column}`, values);
        // `*-web`: a range of the reversed values (`bew-*`) finds the candidates; the GLOB on value still decides.
        const suffix = column === 'value' && values.length === 1 ? literalSuffix(values[0]) : undefined;
        const narrow = suffix === undefined ? [] : [sqlGlobPrefix(reverseText(suffix))];
        clauses.push({
          sql:
            `${spec.idSql} IN (SELECT tg.resource_id FROM tags AS tg WHERE tg.account = ? AND tg.region = ?` +
            `${byKey ? ' AND tg.key = ?' : ''}${narrow.length > 0 ? ' AND tg.value_reversed GLOB ?' : ''} AND ${cond.sql})`,
          params: [scope.account, scope.region, ...(byKey ? [name.slice(4)] : []), ...narrow, ...cond.params],
        });
      } else {
        const tagsOf = spec.tags;
        const key = name.startsWith('tag:') ? name.slice(4) : undefined;
        const pick = (t: Tag) => (column === 'key' ? t.Key ?? '' : t.Value ?? '');
        checks.push((item) => anyMatch((tagsOf(item) ?? []).filter((t) => key === undefined || t.Key === key).map(pick), matchers));
      }
      continue;
    }

    const field = Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
    if (!field) throw RequestErrors.invalidFilter(given);
    if (values.length === 0) {
      // AWS treats a filter with no values as matching nothing.
      checks.push(() => false);
      continue;
    }
    if (field.sqlIn && exact) {
      clauses.push(field.sqlIn(JSON.stringify(values.map(unescape)), scope));
    } else if (field.sql) {
      clauses.push(valueCondition(field.sql, values));
    } else {
      const get = field.get;
      checks.push((item) => anyMatch(asStrings(get(item)), matchers));
    }
  }
  return {
    clauses,
    matches: checks.length === 0 ? () => true : (item) => checks.every((c) => c(item)),
    needsScan: checks.length > 0,
    fingerprint: parts.sort().join('\u0002'),
  };
}
