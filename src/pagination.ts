/**
 * MaxResults / NextToken for every paginated Describe*. Items are listed in creation order (`seq`); a token is the
 * last seq returned plus a fingerprint of the query, so it cannot be replayed against different filters.
 * No MaxResults: everything, no token. Last page: no token (botocore stops on a missing or empty token).
 */
import { createHash } from 'node:crypto';
import { RequestErrors } from './errors';

interface PageRequest {
  maxResults?: number;
  nextToken?: string;
  /** Identifies the query (filters, ids) the token belongs to. */
  fingerprint: string;
}

interface Candidate<T> {
  seq: number;
  item: T;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

const shortHash = (s: string) => createHash('sha1').update(s).digest('base64url').slice(0, 10);

function encodeToken(seq: number, fingerprint: string): string {
  return Buffer.from(`${seq}.${shortHash(fingerprint)}`).toString('base64url');
}

/** The seq to continue after, or 0 without a token. Throws AWS's invalid-token error for anything we did not issue. */
function decodeToken(token: string | undefined, fingerprint: string): number {
  if (token === undefined) return 0;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^(\d+)\.([A-Za-z0-9_-]{10})$/.exec(text);
  if (!m || m[2] !== shortHash(fingerprint) || Buffer.from(text).toString('base64url') !== token) {
    throw RequestErrors.invalidNextToken(token);
  }
  return Number(m[1]);
}

/** Largest batch read at once while scanning candidates that JS still has to filter. */
const MAX_BATCH = 1000;

/**
 * Walks candidates in seq order from the token's position, keeps those `matches` accepts, and stops once a page
 * is full. `fetch(afterSeq, limit)` returns the next candidates SQL could select (already narrowed by indexes).
 * The first batch is exactly what a full page needs (plus one, to know whether another page follows); batches
 * grow only while JS filtering rejects candidates, so a page of 5 never hydrates 500 rows.
 * `budget` bounds the candidates examined per request (a generated catalog that JS filters may search far into):
 * a page it cuts short still carries a token, resuming after the last candidate examined (AWS too may answer fewer
 * than MaxResults items with a NextToken; clients page until it is absent).
 */
export function paginate<T>(
  req: PageRequest,
  fetch: (afterSeq: number, limit: number) => Candidate<T>[],
  matches: (item: T) => boolean = () => true,
  budget = Infinity,
): Page<T> {
  let after = decodeToken(req.nextToken, req.fingerprint);
  const want = req.maxResults;
  if (want !== undefined && want < 0) throw RequestErrors.valueTooSmall('maxResults', want, 0);
  const items: T[] = [];
  let lastSeq = after;
  let batchSize = want === undefined ? MAX_BATCH : Math.max(1, want + 1);
  let examined = 0;
  for (;;) {
    const limit = Math.min(batchSize, budget - examined);
    const batch = fetch(after, limit);
    examined += batch.length;
    for (let i = 0; i < batch.length; i++) {
      const c = batch[i];
      if (!matches(c.item)) {
        after = c.seq;
        continue;
      }
      if (want !== undefined && items.length === want) {
        // one more match exists beyond the page: hand out a token that resumes after the last item returned
        return { items, nextToken: encodeToken(lastSeq, req.fingerprint) };
      }
      items.push(c.item);
      lastSeq = c.seq;
      after = c.seq;
    }
    if (batch.length < limit) return { items };
    if (examined >= budget) return { items, nextToken: encodeToken(after, req.fingerprint) };
    batchSize = Math.min(MAX_BATCH, Math.max(batchSize * 4, 16));
  }
}
