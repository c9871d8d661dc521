/**
 * application/x-www-form-urlencoded parsing (the WHATWG algorithm URLSearchParams implements) in linear time:
 * Node 20's URLSearchParams takes half a second on a 1 MB value of `+` (its `+` to space replacement is
 * quadratic). Pieces split on `&`, empty pieces skipped, name and value split on the first `=`, `+` is a space,
 * percent-escapes decode as UTF-8 bytes (invalid escapes stay as written, invalid UTF-8 becomes U+FFFD).
 */

const PERCENT = 0x25;
const PLUS = 0x2b;
const SPACE = 0x20;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * `+` to space and percent-decoding, byte by byte (string replacement of `+` is slow on long runs, and
 * decodeURIComponent refuses stray `%` and invalid UTF-8).
 */
function decodeBytes(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === PERCENT && i + 2 < bytes.length) {
      const hi = hexValue(bytes[i + 1]);
      const lo = hexValue(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b === PLUS ? SPACE : b;
  }
  return out.toString('utf8', 0, n);
}

function decode(text: string): string {
  const hasPercent = text.includes('%');
  if (text.includes('+')) return decodeBytes(text);
  if (!hasPercent) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return decodeBytes(text);
  }
}

/** Calls `add(name, value)` for each parameter, in order. */
export function parseForm(text: string, add: (name: string, value: string) => void): void {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const eq = text.indexOf('=', start);
      if (eq >= 0 && eq < end) add(decode(text.slice(start, eq)), decode(text.slice(eq + 1, end)));
      else add(decode(text.slice(start, end)), '');
    }
    start = end + 1;
  }
}
