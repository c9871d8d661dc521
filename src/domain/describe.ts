/**
 * The common shape of every paginated Describe*: optional explicit ids (all must exist), filters (exact values
 * pushed into SQL, the rest checked in JS), MaxResults / NextToken over creation order.
 */
import type { RequestContext } from '../core/context';
import { Ec2Error, RequestErrors } from '../errors';
import { compileFilters, FilterSpec } from '../filters/engine';
import { paginate } from '../pagination';
import type { Filter } from '../protocol/model/types.generated';
import type { ListOptions } from '../store/query';

interface DescribeSpec<Row extends { seq: number; id: string }, Item> {
  ids?: readonly string[];
  filters?: readonly Filter[];
  maxResults?: number;
  nextToken?: string;
  filterSpec: FilterSpec<Item>;
  /** Rows of the scope (the repository's list query). */
  list: (opts: ListOptions) => Row[];
  /** Which of the requested ids exist (default: those `list` returns for them). */
  existing?: (ids: readonly string[]) => Set<string>;
  /** Rows -> API objects, in one batch (tags, children…). */
  present: (rows: Row[]) => Item[];
  /** Error for ids that do not exist (all of them, as AWS lists them). */
  notFound: (missing: string[]) => Ec2Error;
  /** When set, MaxResults together with explicit ids is rejected, naming this id set (e.g. "instancesSet"). */
  idSetName?: string;
}

export function describe<Row extends { seq: number; id: string }, Item>(
  ctx: RequestContext,
  spec: DescribeSpec<Row, Item>,
): { items: Item[]; nextToken?: string } {
  const ids = spec.ids && spec.ids.length > 0 ? [...new Set(spec.ids)] : undefined;
  if (ids && spec.maxResults !== undefined && spec.idSetName) throw RequestErrors.maxResultsWithIds(spec.idSetName);
  const f = compileFilters(spec.filterSpec, spec.filters, ctx.scope);
  // Every row of the ids, in seq order, when the existence check read them and no filter narrows them in SQL:
  // the pages are then cut from these rows instead of listing the same rows again (a waiter's poll by ids).
  let rowsOfIds: Row[] | undefined;
  if (ids) {
    let found: Set<string>;
    if (spec.existing) found = spec.existing(ids);
    else {
      const rows = spec.list({ ids });
      found = new Set(rows.map((r) => r.id));
      if (f.clauses.length === 0) rowsOfIds = rows;
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw spec.notFound(missing);
  }
  const page = paginate(
    { maxResults: spec.maxResults, nextToken: spec.nextToken, fingerprint: `${f.fingerprint}|${ids?.join(',') ?? ''}` },
    (afterSeq, limit) => {
      const rows = rowsOfIds ? rowsAfter(rowsOfIds, afterSeq, limit) : spec.list({ ids, clauses: f.clauses, afterSeq, limit });
      const items = spec.present(rows);
      return rows.map((r, i) => ({ seq: r.seq, item: items[i] }));
    },
    f.matches,
  );
  return page;
}

/** What the list query would answer for (afterSeq, limit), cut from rows it already answered in seq order. */
function rowsAfter<Row extends { seq: number }>(rows: readonly Row[], afterSeq: number, limit: number): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    if (out.length >= limit) break;
    if (r.seq > afterSeq) out.push(r);
  }
  return out;
}
