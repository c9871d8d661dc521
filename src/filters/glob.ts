/**
 * EC2 filter wildcards without regular expressions: `*` any run, `?` any one character, a backslash makes the
 * next character literal. Greedy matching with one backtrack point (the last `*`) is O(pattern × value) at worst;
 * a regex of many `*` backtracks exponentially on values that almost match.
 */

const STAR = -1;
const ANY = -2;

/** Pattern -> tokens: a character code, STAR or ANY. */
function tokens(pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out.push(pattern.charCodeAt(++i));
    else if (c === '*') {
      if (out[out.length - 1] !== STAR) out.push(STAR); // `**` is `*`
    } else if (c === '?') out.push(ANY);
    else out.push(pattern.charCodeAt(i));
  }
  return out;
}

/**
 * True when the pattern has a `*` or `?` that is not escaped, read left to right as tokens() reads it: in `a\\*`
 * the backslash escapes the backslash, so the `*` is a wildcard (a look at the character before it said otherwise).
 */
export function hasWildcard(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
  }
  return false;
}

export function globMatcher(pattern: string): (value: string) => boolean {
  const p = tokens(pattern);
  return (s) => {
    let i = 0; // in s
    let j = 0; // in p
    let starJ = -1;
    let starI = 0;
    while (i < s.length) {
      if (j < p.length && (p[j] === ANY || p[j] === s.charCodeAt(i))) {
        i++;
        j++;
      } else if (j < p.length && p[j] === STAR) {
        starJ = j++;
        starI = i;
      } else if (starJ >= 0) {
        j = starJ + 1;
        i = ++starI;
      } else return false;
    }
    while (j < p.length && p[j] === STAR) j++;
    return j === p.length;
  };
}

/**
 * The same pattern as an SQLite GLOB (case-sensitive like EC2's matching): `*` and `?` carry over, and characters
 * GLOB would read as syntax (`*`, `?`, `[`) when the EC2 pattern means them literally become one-character classes.
 */
export function toSqlGlob(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += literal(pattern[++i]);
    else if (c === '*' || c === '?') out += c;
    else out += literal(c);
  }
  return out;
}

const literal = (c: string) => (c === '*' || c === '?' || c === '[' ? `[${c}]` : c);

/**
 * The literal text after the leading `*` of a pattern that has no other wildcard (`*-web` -> `-web`), or undefined
 * for any other pattern. Such a filter is a suffix test, which the tags' reversed values answer as a prefix range
 * (schema/027_tag_value_suffix_index.sql).
 */
export function literalSuffix(pattern: string): string | undefined {
  let i = 0;
  while (pattern[i] === '*') i++;
  if (i === 0 || i === pattern.length) return undefined;
  let out = '';
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += pattern[++i];
    else if (c === '*' || c === '?') return undefined;
    else out += c;
  }
  return out;
}

/** An SQLite GLOB matching every string that starts with `text`. */
export const sqlGlobPrefix = (text: string): string => [...text].map(literal).join('') + '*';

/** The text reversed by code point, as SQLite's substr() counts characters (how tags store value_reversed). */
export const reverseText = (s: string): string => Array.from(s).reverse().join('');
