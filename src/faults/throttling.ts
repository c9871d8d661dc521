/**
 * EC2's API throttling as AWS documents it ("Request throttling for the Amazon EC2 API"): token buckets per account
 * and Region. Request rate limiting gives each action its own bucket, sized by the action's category; resource
 * rate limiting adds a second bucket to RunInstances / StartInstances / StopInstances / TerminateInstances that
 * each instance named or launched draws from. A request that finds a bucket empty is throttled
 * (RequestLimitExceeded) and takes nothing. Buckets start full and refill continuously on the injected clock.
 */
export interface BucketSpec {
  size: number;
  refillPerSecond: number;
}

export const BUCKET_CATEGORIES = ['mutating', 'non-mutating', 'unfiltered-non-mutating', 'uncategorized'] as const;
type BucketCategory = (typeof BUCKET_CATEGORIES)[number];

/**
 * AWS's documented request-token buckets (bucket size, refill per second). The non-mutating 100 / 20 per second is
 * quoted in the guide's text; the other rows are recalled from its tables (override them in a plan if AWS differs).
 */
export const REQUEST_LIMITS: Record<BucketCategory, BucketSpec> = {
  mutating: { size: 50, refillPerSecond: 5 },
  'non-mutating': { size: 100, refillPerSecond: 20 },
  'unfiltered-non-mutating': { size: 50, refillPerSecond: 5 },
  uncategorized: { size: 50, refillPerSecond: 5 },
};

/** AWS's documented resource-token buckets, one token per instance (recalled from the guide's table). */
export const RESOURCE_LIMITS: Record<string, BucketSpec> = {
  RunInstances: { size: 1000, refillPerSecond: 2 },
  TerminateInstances: { size: 1000, refillPerSecond: 20 },
  StartInstances: { size: 1000, refillPerSecond: 2 },
  StopInstances: { size: 1000, refillPerSecond: 20 },
};

/** Non-mutating actions that AWS throttles harder when called with no filter, no id and no paging. */
const UNFILTERED_SENSITIVE = new Set(['DescribeInstances', 'DescribeNetworkInterfaces', 'DescribeSecurityGroups']);
/** ec2lite's own extension: AWS has no category for it. */
const UNCATEGORIZED = new Set(['ModifyInstanceTypeAttribute']);

const isNonMutating = (action: string) => action.startsWith('Describe') || action.startsWith('Get');

export function categoryOf(action: string, input: Record<string, unknown>): BucketCategory {
  if (UNCATEGORIZED.has(action)) return 'uncategorized';
  if (!isNonMutating(action)) return 'mutating';
  if (UNFILTERED_SENSITIVE.has(action) && isUnfiltered(input)) return 'unfiltered-non-mutating';
  return 'non-mutating';
}

function isUnfiltered(input: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || k === 'DryRun') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    return false; // Filters, ids, MaxResults or NextToken
  }
  return true;
}

/** How many resource tokens a call draws (instances launched, started, stopped or terminated). */
export function resourceCost(action: string, input: Record<string, unknown>): number {
  if (!(action in RESOURCE_LIMITS)) return 0;
  if (action === 'RunInstances') return typeof input.MaxCount === 'number' ? input.MaxCount : 1;
  return Array.isArray(input.InstanceIds) ? input.InstanceIds.length : 0;
}

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.size;
    this.at = now;
  }

  /** Tokens available now (refilled for the time elapsed since the last look). */
  level(now: number): number {
    if (now > this.at) {
      this.tokens = Math.min(this.spec.size, this.tokens + ((now - this.at) * this.spec.refillPerSecond) / 1000);
      this.at = now;
    }
    return this.tokens;
  }

  /** Takes `n` tokens if there are that many; false (and nothing taken) otherwise. */
  take(n: number, now: number): boolean {
    if (this.level(now) < n) return false;
    this.tokens -= n;
    return true;
  }

  give(n: number): void {
    this.tokens = Math.min(this.spec.size, this.tokens + n);
  }
}
