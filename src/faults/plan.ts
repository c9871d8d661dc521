/**
 * The fault plan: what to inject, for one account (or every account: `"*"`). JSON in, validated here, so the
 * flags, the admin API, the CLI and the library options all accept exactly the same document.
 *
 *   {
 *     "account": "123456789012",          // default "*": every account without a plan of its own
 *     "seed": 7,                          // same plan + same seed + same calls = same faults
 *     "rules": [{ "action": "DescribeInstances", "error": "RequestLimitExceeded", "count": 2 },
 *               { "action": "*", "error": "InternalError", "rate": 0.1 }],
 *     "throttling": { "buckets": { "mutating": { "size": 2, "refillPerSecond": 1 } } },   // or true: AWS's numbers
 *     "consistency": { "delayMs": 2000, "resources": ["i", "eni"] },
 *     "capacity": [{ "instanceType": "c5.large", "zone": "us-east-1a" }],
 *     "transitions": { "minMs": 1000, "maxMs": 5000, "stuck": ["attaching"] }
 *   }
 */
import { ServerErrors } from '../errors';
import { getOperation } from '../protocol/model';
import { RESOURCE_LIMITS, BUCKET_CATEGORIES, type BucketSpec } from './throttling';
import { HIDEABLE_PREFIXES } from './consistency';

export const INJECTABLE_ERRORS = {
  RequestLimitExceeded: ServerErrors.requestLimitExceeded,
  InternalError: ServerErrors.internal,
  Unavailable: ServerErrors.unavailable,
} as const;
type InjectableError = keyof typeof INJECTABLE_ERRORS;

export interface FaultRule {
  /** An action name, or "*" for every action. */
  action: string;
  error: InjectableError;
  /** Inject at most this many times (default: no limit). */
  count?: number;
  /** Probability per call, 0..1 (default 1: every call until `count` is used up). */
  rate?: number;
}

interface ThrottlingPlan {
  /** Overrides by category (`mutating`, `non-mutating`, `unfiltered-non-mutating`, `uncategorized`) or action name. */
  buckets?: Record<string, BucketSpec>;
  /** Resource-token overrides for RunInstances, StartInstances, StopInstances, TerminateInstances. */
  resources?: Record<string, BucketSpec>;
}

interface ConsistencyPlan {
  /** How long a new resource (or a new tag) stays invisible. */
  delayMs: number;
  /** Id prefixes it applies to (default: every prefix with a NotFound error: i, eni, subnet, vpc, …). */
  resources?: string[];
}

export interface CapacityRule {
  /** Default: every type. */
  instanceType?: string;
  /** Default: every zone of the region. */
  zone?: string;
  count?: number;
}

interface TransitionsPlan {
  /** Each back-end transition takes this much longer, uniformly drawn in [minMs, maxMs]. */
  minMs?: number;
  maxMs?: number;
  /** From-states (`pending`, `stopping`, `shutting-down`, `attaching`, `detaching`) that stay until an advance. */
  stuck?: string[];
}

export interface FaultPlan {
  account: string;
  seed?: number;
  rules: FaultRule[];
  throttling?: ThrottlingPlan;
  consistency?: ConsistencyPlan;
  capacity: CapacityRule[];
  transitions?: TransitionsPlan;
}

/** A plan as written by hand (JSON, or an object in JavaScript): everything optional. */
export type FaultPlanInput = Partial<Omit<FaultPlan, 'throttling' | 'rules'>> & {
  rules?: Array<Omit<FaultRule, 'action'> & { action?: string }>;
  throttling?: boolean | ThrottlingPlan;
};

/** What `GET /_ec2lite/faults` answers: the plans and each account's counters, rules and token buckets. */
export interface FaultsView {
  plans: FaultPlan[];
  accounts: Record<string, unknown>;
}

export class PlanError extends Error {}

const STUCK_STATES = ['pending', 'stopping', 'shutting-down', 'attaching', 'detaching'];
const TOP_KEYS = ['account', 'seed', 'rules', 'throttling', 'consistency', 'capacity', 'transitions'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function only(o: Obj, keys: readonly string[], where: string): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new PlanError(`${where}: unknown field '${k}' (${keys.join(', ')})`);
}

function int(v: unknown, where: string, min = 0): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new PlanError(`${where} must be an integer >= ${min}`);
  return v;
}

function str(v: unknown, where: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new PlanError(`${where} must be a non-empty string`);
  return v;
}

function list(v: unknown, where: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new PlanError(`${where} must be a list`);
  return v;
}

function bucket(v: unknown, where: string): BucketSpec {
  if (!isObj(v)) throw new PlanError(`${where} must be {"size": N, "refillPerSecond": R}`);
  only(v, ['size', 'refillPerSecond'], where);
  const size = int(v.size, `${where}.size`, 1);
  const refill = v.refillPerSecond;
  if (size === undefined || typeof refill !== 'number' || !(refill >= 0)) {
    throw new PlanError(`${where} must be {"size": N >= 1, "refillPerSecond": R >= 0}`);
  }
  return { size, refillPerSecond: refill };
}

function buckets(v: unknown, where: string, allowed?: readonly string[]): Record<string, BucketSpec> | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) throw new PlanError(`${where} must be an object`);
  const out: Record<string, BucketSpec> = {};
  for (const [k, spec] of Object.entries(v)) {
    if (allowed && !allowed.includes(k)) throw new PlanError(`${where}: '${k}' has no resource bucket (${allowed.join(', ')})`);
    out[k] = bucket(spec, `${where}.${k}`);
  }
  return out;
}

function rule(v: unknown, where: string): FaultRule {
  if (!isObj(v)) throw new PlanError(`${where} must be an object`);
  only(v, ['action', 'error', 'count', 'rate'], where);
  const action = str(v.action, `${where}.action`) ?? '*';
  if (action !== '*' && !getOperation(action)) throw new PlanError(`${where}.action: '${action}' is not an action ec2lite serves (or "*")`);
  const error = v.error;
  if (typeof error !== 'string' || !(error in INJECTABLE_ERRORS)) {
    throw new PlanError(`${where}.error must be one of ${Object.keys(INJECTABLE_ERRORS).join(', ')}`);
  }
  const rate = v.rate;
  if (rate !== undefined && (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))) throw new PlanError(`${where}.rate must be between 0 and 1`);
  return { action, error: error as InjectableError, count: int(v.count, `${where}.count`, 1), rate };
}

/** Validates a plan document; throws PlanError with the offending field. `true` throttling = AWS's defaults. */
export function parsePlan(raw: unknown, defaultAccount = '*'): FaultPlan {
  if (!isObj(raw)) throw new PlanError('a fault plan is a JSON object');
  only(raw, TOP_KEYS, 'plan');
  const account = str(raw.account, 'account') ?? defaultAccount;
  if (account !== '*' && !/^\d{12}$/.test(account)) throw new PlanError(`account must be 12 digits or "*", got '${account}'`);
  const plan: FaultPlan = {
    account,
    seed: int(raw.seed, 'seed'),
    rules: list(raw.rules, 'rules').map((r, i) => rule(r, `rules[${i}]`)),
    capacity: list(raw.capacity, 'capacity').map((c, i) => {
      const where = `capacity[${i}]`;
      if (!isObj(c)) throw new PlanError(`${where} must be an object`);
      only(c, ['instanceType', 'zone', 'count'], where);
      return { instanceType: str(c.instanceType, `${where}.instanceType`), zone: str(c.zone, `${where}.zone`), count: int(c.count, `${where}.count`, 1) };
    }),
  };
  const t = raw.throttling;
  if (t === true) plan.throttling = {};
  else if (t !== undefined && t !== false) {
    if (!isObj(t)) throw new PlanError('throttling must be true, false or an object');
    only(t, ['buckets', 'resources'], 'throttling');
    plan.throttling = { buckets: buckets(t.buckets, 'throttling.buckets'), resources: buckets(t.resources, 'throttling.resources', Object.keys(RESOURCE_LIMITS)) };
    for (const k of Object.keys(plan.throttling.buckets ?? {})) {
      if (!(BUCKET_CATEGORIES as readonly string[]).includes(k) && !getOperation(k)) {
        throw new PlanError(`throttling.buckets: '${k}' is neither a category (${BUCKET_CATEGORIES.join(', ')}) nor an action name`);
      }
    }
  }
  const c = raw.consistency;
  if (c !== undefined) {
    if (!isObj(c)) throw new PlanError('consistency must be {"delayMs": N}');
    only(c, ['delayMs', 'resources'], 'consistency');
    const delayMs = int(c.delayMs, 'consistency.delayMs') ?? 0;
    const resources = c.resources === undefined ? undefined : list(c.resources, 'consistency.resources').map((p, i) => str(p, `consistency.resources[${i}]`)!);
    for (const p of resources ?? []) {
      if (!HIDEABLE_PREFIXES.includes(p)) throw new PlanError(`consistency.resources: unknown id prefix '${p}' (${HIDEABLE_PREFIXES.join(', ')})`);
    }
    if (delayMs > 0) plan.consistency = { delayMs, resources };
  }
  const tr = raw.transitions;
  if (tr !== undefined) {
    if (!isObj(tr)) throw new PlanError('transitions must be an object');
    only(tr, ['minMs', 'maxMs', 'stuck'], 'transitions');
    const minMs = int(tr.minMs, 'transitions.minMs') ?? 0;
    const maxMs = int(tr.maxMs, 'transitions.maxMs') ?? minMs;
    if (maxMs < minMs) throw new PlanError('transitions.maxMs must be >= transitions.minMs');
    const stuck = list(tr.stuck, 'transitions.stuck').map((s, i) => str(s, `transitions.stuck[${i}]`)!);
    for (const s of stuck) if (!STUCK_STATES.includes(s)) throw new PlanError(`transitions.stuck: '${s}' is not one of ${STUCK_STATES.join(', ')}`);
    plan.transitions = { minMs, maxMs, stuck };
  }
  return plan;
}

/** A plan document from a flag or an environment variable: inline JSON, or `@file`. */
export function planFromText(text: string, read: (file: string) => string): unknown {
  const source = text.startsWith('@') ? read(text.slice(1)) : text;
  try {
    return JSON.parse(source);
  } catch (e) {
    throw new PlanError(`not valid JSON: ${(e as Error).message}`);
  }
}
