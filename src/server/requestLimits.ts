/**
 * Bounds checked before a request is parsed, so parsing work stays proportional to what a real EC2 call needs:
 * the number of parameters (counted on the raw bytes, before URLSearchParams builds anything) and the depth of a
 * key (no EC2 input is more than a handful of levels deep; the parser walks keys recursively).
 */

/**
 * The most parameters one call may carry (AWS documents none). The largest real calls stay below it: CreateTags
 * or DeleteTags on AWS's maximum of 1,000 resources with 50 tags is 1,102. Parsing costs a few microseconds per
 * parameter, so this keeps the worst request to a few milliseconds; 100,000 parameters blocked the server for
 * seconds.
 */
export const MAX_PARAMETERS = 2_000;

/** Dot-separated segments in one key; the deepest EC2 input key has 5 (`TagSpecification.1.Tag.1.Key`). */
const MAX_KEY_SEGMENTS = 16;

const AMPERSAND = 0x26;

function countSeparators(bytes: Buffer | string): number {
  let n = 0;
  if (typeof bytes === 'string') {
    for (let i = bytes.indexOf('&'); i >= 0; i = bytes.indexOf('&', i + 1)) n++;
  } else {
    for (let i = bytes.indexOf(AMPERSAND); i >= 0; i = bytes.indexOf(AMPERSAND, i + 1)) n++;
  }
  return n;
}

/** An upper bound of the parameters in the query string and the form body (`&`-separated pieces). */
export function parameterCount(url: string, body: Buffer): number {
  const q = url.indexOf('?');
  const query = q >= 0 ? url.slice(q + 1) : '';
  return (query.length > 0 ? countSeparators(query) + 1 : 0) + (body.length > 0 ? countSeparators(body) + 1 : 0);
}

/** The first key deeper than any EC2 parameter, if there is one. */
export function tooDeepKey(params: Record<string, string>): string | undefined {
  for (const key in params) {
    let dots = 0;
    for (let i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) {
      if (++dots >= MAX_KEY_SEGMENTS) return key;
    }
  }
  return undefined;
}
