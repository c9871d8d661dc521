/** IPv6 address and CIDR arithmetic (pure; addresses are 128-bit BigInts). Text out is RFC 5952 (lower case, `::`). */

export interface Cidr6 {
  base: bigint;
  prefix: number;
}

const MAX = (1n << 128n) - 1n;

export function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.includes(':::')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':')) : [];
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8 || (halves.length === 2 && head.length + tail.length > 7)) return undefined;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

/** RFC 5952 text: lower case, no leading zeros, the longest run (two or more) of zero groups as `::`. */
export function formatIpv6(n: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function parseCidr6(text: string): Cidr6 | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const ip = parseIpv6(m[1]);
  const prefix = Number(m[2]);
  if (ip === undefined || prefix > 128) return undefined;
  const hostBits = BigInt(128 - prefix);
  const base = (ip >> hostBits) << hostBits;
  return { base: base & MAX, prefix };
}

export function formatCidr6(c: Cidr6): string {
  return `${formatIpv6(c.base)}/${c.prefix}`;
}

/** The first `count` blocks of length `prefix` inside `outer` (netaddr's IPNetwork.subnet(prefix, count)). */
export function subnets6(outer: Cidr6, prefix: number, count: number): Cidr6[] {
  if (prefix < outer.prefix) return [];
  const size = 1n << BigInt(128 - prefix);
  const available = 1n << BigInt(prefix - outer.prefix);
  const n = BigInt(count) > available ? Number(available) : count;
  return Array.from({ length: n }, (_, i) => ({ base: outer.base + BigInt(i) * size, prefix }));
}

/** The k-th address of a block (k = 1 is nova's default gateway_v6). */
export function nth6(c: Cidr6, k: number): string {
  return formatIpv6(c.base + BigInt(k));
}

/** Parses "addr/n" and gives its canonical text; undefined when malformed. `strict` refuses host bits. */
export function canonicalCidr6(text: string, strict = false): { cidr: Cidr6; text: string } | undefined {
  const c = parseCidr6(text);
  if (!c) return undefined;
  if (strict && parseIpv6(text.split('/')[0]) !== c.base) return undefined;
  return { cidr: c, text: formatCidr6(c) };
}

export function contains6(outer: Cidr6, inner: Cidr6): boolean {
  if (inner.prefix < outer.prefix) return false;
  const hostBits = BigInt(128 - outer.prefix);
  return inner.base >> hostBits === outer.base >> hostBits;
}

export function overlaps6(a: Cidr6, b: Cidr6): boolean {
  return contains6(a, b) || contains6(b, a);
}

/** A plain address (no prefix) in canonical text, or undefined. */
export function canonicalIpv6(text: string): string | undefined {
  const n = parseIpv6(text);
  return n === undefined ? undefined : formatIpv6(n);
}

export const isIpv6Cidr = (text: string): boolean => text.includes(':');
