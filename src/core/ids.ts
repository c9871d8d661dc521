/**
 * Resource ids (`<prefix>-` + 17 lower-case hex, as AWS issues them), MAC addresses and request ids.
 * Random by default; seeded (deterministic) when a seed is given, so golden documents stay byte-identical.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface IdGenerator {
  id(prefix: string): string;
  /** 5 random bytes as colon-separated hex, for `02:` + these MACs. */
  macSuffix(): string;
  /** A random 32-bit-ish value in [0, n). */
  int(n: number): number;
  requestId(): string;
  hex(chars: number): string;
}

/** Buffered crypto randomness: one syscall per 4 KiB rather than one per id. */
class CryptoSource {
  private buf = randomBytes(4096);
  private pos = 0;
  byte(): number {
    if (this.pos >= this.buf.length) {
      this.buf = randomBytes(4096);
      this.pos = 0;
    }
    return this.buf[this.pos++];
  }
}

/** splitmix32: small, fast and good enough for reproducible ids. */
export class SeededSource {
  constructor(private state: number) {}
  byte(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return z & 0xff;
  }
}

const HEX = '0123456789abcdef';

export function createIdGenerator(seed?: number): IdGenerator {
  const source = seed === undefined ? new CryptoSource() : new SeededSource(seed);
  const hex = (chars: number) => {
    let s = '';
    for (let i = 0; i < chars; i++) s += HEX[source.byte() & 0x0f];
    return s;
  };
  const byteHex = () => {
    const b = source.byte();
    return HEX[b >> 4] + HEX[b & 0x0f];
  };
  return {
    id: (prefix) => `${prefix}-${hex(17)}`,
    macSuffix: () => [byteHex(), byteHex(), byteHex(), byteHex(), byteHex()].join(':'),
    int: (n) => ((source.byte() << 16) | (source.byte() << 8) | source.byte()) % n,
    requestId: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[source.byte() & 3]}${hex(3)}-${hex(12)}`,
    hex,
  };
}

/**
 * An id derived from another one (`<prefix>-` + 17 hex of a hash), for a resource that is born with its parent and
 * named by it alone (a subnet's first network ACL association). It draws nothing from the generator, so adding such
 * a resource leaves every seeded id after it unchanged; it is as unique as the parent's id.
 */
export function derivedId(prefix: string, from: string): string {
  return `${prefix}-${createHash('sha256').update(`${prefix}\u0000${from}`).digest('hex').slice(0, 17)}`;
}
