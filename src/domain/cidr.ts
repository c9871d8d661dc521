/** IPv4 address and CIDR arithmetic (pure). Addresses are unsigned 32-bit integers. */

export interface Cidr {
  /** First address of the block. */
  base: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
  text: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

export function ipToInt(ip: string): number {
  const p = ip.split('.');
  return ((+p[0] << 24) >>> 0) + (+p[1] << 16) + (+p[2] << 8) + +p[3];
}

export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Parses "a.b.c.d/n". Returns undefined when malformed; host bits set are normalised away only if `strict` is false. */
export function parseCidr(text: string, strict = false): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!m || !isIpv4(m[1])) return undefined;
  const prefix = Number(m[2]);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const ip = ipToInt(m[1]);
  const base = prefix === 0 ? 0 : ip - (ip % size);
  if (strict && base !== ip) return undefined;
  return { base, prefix, size, text: `${intToIp(base)}/${prefix}` };
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + b.size && b.base < a.base + a.size;
}

export function netmask(prefix: number): string {
  return intToIp(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

/** AWS reserves the first four addresses and the last one of every subnet (see addressing.ts). */
export const RESERVED_LOW = 4;
export const RESERVED_HIGH = 1;

