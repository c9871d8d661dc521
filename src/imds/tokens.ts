/**
 * IMDSv2 session tokens. A token is an opaque random string with an expiry on the
 * injected clock (so tests expire tokens by moving the manual clock). Tokens issued at the root `PUT
 * /latest/api/token` (main port or --imds-port) are accepted by every instance; tokens issued under a per-instance
 * path only by that instance.
 * See docs/behavior.md "IMDSv2 tokens" and docs/decisions.md "IMDS tokens and instance selection".
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';

const MIN_TTL_SECONDS = 1;
const MAX_TTL_SECONDS = 21600;
/** Tokens kept at most (the oldest go first): a client looping on PUT cannot grow memory without bound. */
const MAX_TOKENS = 10_000;

interface TokenInfo {
  expiresAt: number;
  /** Only this instance accepts it; undefined = any instance. */
  instanceId?: string;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenInfo>();

  constructor(private readonly clock: Clock) {}

  /** `ttl` header text -> seconds, or undefined when missing, not an integer or outside 1..21600. */
  static parseTtl(raw: string | undefined): number | undefined {
    if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
    const ttl = Number(raw.trim());
    return ttl >= MIN_TTL_SECONDS && ttl <= MAX_TTL_SECONDS ? ttl : undefined;
  }

  issue(ttlSeconds: number, instanceId?: string): string {
    this.sweep();
    // base64 of random bytes, like AWS's opaque tokens ("AQAEA…=="); never from the seeded id source, so
    // metadata calls cannot shift the ids a seeded run produces.
    const token = randomBytes(42).toString('base64');
    this.tokens.set(token, { expiresAt: this.clock.now() + ttlSeconds * 1000, instanceId });
    while (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value as string);
    return token;
  }

  /** True when the token exists, has not expired and may be used for this instance. */
  accepts(token: string, instanceId: string): boolean {
    const info = this.tokens.get(token);
    if (!info) return false;
    if (info.expiresAt <= this.clock.now()) {
      this.tokens.delete(token);
      return false;
    }
    return info.instanceId === undefined || info.instanceId === instanceId;
  }

  private sweep(): void {
    if (this.tokens.size < MAX_TOKENS / 2) return;
    const now = this.clock.now();
    for (const [t, info] of this.tokens) if (info.expiresAt <= now) this.tokens.delete(t);
  }
}
