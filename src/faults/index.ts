/**
 * AWS-realistic faults on demand (off until a plan is set): throttling, eventual consistency, capacity, injected
 * 5xx and slow or stuck back-end transitions. Plans and their state (counters, token buckets, what is not yet
 * visible, a seeded random source) are per account, so parallel test workers using different accounts never see
 * each other's faults, and the same plan, seed and calls give the same faults.
 *
 * The request pipeline calls it at two points (src/core/pipeline.ts):
 *   beforeAction(scope, action, input)          may throw: injected rule, throttling, a named id not yet visible
 *   afterAction(scope, action, input, output)   inside the action's transaction: capacity (throws, rolling the
 *                                               launch back), records what was created or tagged, hides from
 *                                               Describe output what is not visible yet
 * and the back end at one (transitionDue, where transitions are scheduled). Every fault is noted for the request log.
 */
import type { Clock } from '../core/clock';
import { SeededSource, type IdGenerator } from '../core/ids';
import { zonesOf } from '../domain/regions';
import { Ec2Error, ServerErrors } from '../errors';
import type { Scope } from '../store/query';
import { Visibility, HIDEABLE_PREFIXES } from './consistency';
import { INJECTABLE_ERRORS, type FaultPlan, type FaultRule, type CapacityRule, type FaultsView } from './plan';
import { categoryOf, REQUEST_LIMITS, RESOURCE_LIMITS, resourceCost, TokenBucket, type BucketSpec } from './throttling';

export { parsePlan, planFromText, PlanError, type FaultPlan, type FaultPlanInput, type FaultsView } from './plan';

/** What one injected fault was, for the request log line (`"fault": [...]`). */
export type FaultNote = { kind: 'rule' | 'throttle' | 'consistency' | 'capacity' | 'transition' } & Record<string, unknown>;

/** An Ec2Error that ec2lite injected, carrying its note. */
class InjectedFault extends Ec2Error {
  constructor(
    error: Ec2Error,
    readonly fault: FaultNote,
  ) {
    super(error.code, error.message, error.status);
  }
}

/** due_at of a stuck transition: the largest time a Date can hold, so it is never due until released. */
export const STUCK_AT = 8_640_000_000_000_000;

interface Counters {
  calls: Record<string, number>;
  injected: Record<string, Record<string, number>>;
  hidden: Record<string, number>;
  transitions: { delayed: number; stuck: number };
}

/** One account's live state under a plan. */
class AccountState {
  readonly random: SeededSource;
  readonly visibility?: Visibility;
  readonly buckets = new Map<string, { bucket: TokenBucket; name: string }>();
  readonly ruleInjected: number[];
  readonly capacityInjected: number[];
  readonly counters: Counters = { calls: {}, injected: {}, hidden: {}, transitions: { delayed: 0, stuck: 0 } };

  constructor(
    readonly plan: FaultPlan,
    account: string,
  ) {
    this.random = new SeededSource((plan.seed! ^ fnv1a(account)) | 0);
    this.ruleInjected = plan.rules.map(() => 0);
    this.capacityInjected = plan.capacity.map(() => 0);
    const c = plan.consistency;
    if (c) this.visibility = new Visibility(c.delayMs, new Set(c.resources ?? HIDEABLE_PREFIXES));
  }

  /** Uniform in [0, 1), from the seeded source. */
  next(): number {
    return ((this.random.byte() << 16) | (this.random.byte() << 8) | this.random.byte()) / 0x1000000;
  }

  count(action: string, code: string): void {
    const a = (this.counters.injected[action] ??= {});
    a[code] = (a[code] ?? 0) + 1;
  }

  bucket(key: string, name: string, spec: BucketSpec, now: number): TokenBucket {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { bucket: new TokenBucket(spec, now), name }));
    return b.bucket;
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const matches = (pattern: string | undefined, value: string | undefined) => pattern === undefined || pattern === '*' || pattern === value;

export class Faults {
  /** Plans by account, "*" for every account without its own. */
  private readonly plans = new Map<string, FaultPlan>();
  private readonly states = new Map<string, AccountState>();
  private notes: FaultNote[] = [];
  /** Ids issued while an action runs: what it created. */
  private minted: string[] = [];
  private stuck: Array<{ kind: string; id: string }> = [];
  private bypassing = 0;

  constructor(
    private readonly clock: Clock,
    private readonly defaultSeed?: number,
    private readonly startup?: FaultPlan,
  ) {
    this.reset();
  }

  /** Back to the plan given at start-up (flags, library options), with fresh state. */
  reset(): void {
    this.plans.clear();
    this.states.clear();
    this.stuck = [];
    this.notes = [];
    if (this.startup) this.set(this.startup);
  }

  /** Sets (replaces) the plan of `plan.account`; its accounts start over (counters, buckets, random source). */
  set(plan: FaultPlan): FaultPlan {
    const withSeed = { ...plan, seed: plan.seed ?? this.defaultSeed ?? Math.floor(Math.random() * 0x7fffffff) };
    this.plans.set(plan.account, withSeed);
    for (const account of [...this.states.keys()]) if (this.planFor(account) !== this.states.get(account)!.plan) this.states.delete(account);
    return withSeed;
  }

  /** Removes one account's plan (or "*"), or every plan. Returns the accounts cleared. */
  clear(account?: string): string[] {
    const cleared = account === undefined ? [...this.plans.keys()] : this.plans.has(account) ? [account] : [];
    if (account === undefined) this.plans.clear();
    else this.plans.delete(account);
    for (const a of [...this.states.keys()]) if (this.planFor(a) !== this.states.get(a)!.plan) this.states.delete(a);
    if (this.plans.size === 0) this.stuck = [];
    return cleared;
  }

  /** The plans (those that apply to `account` when given) and each account's counters and buckets. */
  view(account?: string): FaultsView {
    const plans = [...this.plans.values()].filter((p) => account === undefined || p.account === account || (p.account === '*' && !this.plans.has(account)));
    const accounts: Record<string, unknown> = {};
    const now = this.clock.now();
    for (const [a, s] of this.states) {
      if (account !== undefined && a !== account) continue;
      accounts[a] = {
        plan: s.plan.account,
        counters: s.counters,
        rules: s.plan.rules.map((r, i) => ({ ...r, injected: s.ruleInjected[i], ...(r.count ? { remaining: r.count - s.ruleInjected[i] } : {}) })),
        capacity: s.plan.capacity.map((c, i) => ({ ...c, injected: s.capacityInjected[i] })),
        buckets: Object.fromEntries(
          [...s.buckets].map(([key, { bucket, name }]) => [key, { bucket: name, ...bucket.spec, tokens: Math.floor(bucket.level(now) * 1000) / 1000 }]),
        ),
      };
    }
    return { plans, accounts };
  }

  /** Wraps the id generator so that the ids issued during an action are known as created by it. */
  watch(ids: IdGenerator): IdGenerator {
    return {
      ...ids,
      id: (prefix) => {
        const id = ids.id(prefix);
        this.minted.push(id);
        return id;
      },
    };
  }

  /** Runs `fn` as the operator: no plan applies (the topology view's reads). */
  bypass<T>(fn: () => T): T {
    this.bypassing++;
    try {
      return fn();
    } finally {
      this.bypassing--;
    }
  }

  /** The faults of the request just served (and forget them). */
  takeNotes(): FaultNote[] | undefined {
    const notes = this.notes;
    this.notes = [];
    return notes.length > 0 ? notes : undefined;
  }

  /** Before the action runs: injected errors, throttling, ids that are not visible yet. Throws the fault. */
  beforeAction(scope: Scope, action: string, input: Record<string, unknown>): void {
    this.notes = [];
    this.minted = [];
    const s = this.state(scope.account);
    if (!s) return;
    s.counters.calls[action] = (s.counters.calls[action] ?? 0) + 1;
    const now = this.clock.now();
    this.applyRules(s, action);
    if (s.plan.throttling) this.throttle(s, scope, action, input, now);
    const missing = s.visibility?.notFound(input, now);
    if (missing) this.fail(s, action, missing, { kind: 'consistency', ids: /'([^']+)'/.exec(missing.message)?.[1]?.split(', ') });
  }

  /**
   * After the action ran, inside its transaction: capacity (throwing rolls the launch back), then what it created or
   * tagged becomes "not yet visible", and a Describe output loses what is not visible yet.
   */
  afterAction<T>(scope: Scope, action: string, input: Record<string, unknown>, output: T): T {
    const minted = this.minted;
    this.minted = [];
    const s = this.state(scope.account);
    if (!s || input.DryRun === true) return output;
    const now = this.clock.now();
    if (action === 'RunInstances' && s.plan.capacity.length > 0) this.checkCapacity(s, scope, action, output as Record<string, unknown>);
    const v = s.visibility;
    if (!v) return output;
    for (const id of minted) v.created(id, now);
    if (action === 'CreateTags' && Array.isArray(input.Resources) && Array.isArray(input.Tags)) {
      v.tagged(input.Resources as string[], (input.Tags as Array<{ Key?: string }>).map((t) => t.Key ?? ''), now);
    }
    if (action.startsWith('Describe') && output && typeof output === 'object') {
      const hidden = v.filter(output as Record<string, unknown>, input, now);
      if (hidden > 0) {
        s.counters.hidden[action] = (s.counters.hidden[action] ?? 0) + hidden;
        this.notes.push({ kind: 'consistency', hidden });
      }
    }
    return output;
  }

  /** When a back-end transition falls due under the plan: later by a random jitter, or never until released. */
  transitionDue(scope: Scope, kind: string, resourceId: string, from: string, dueAt: number): number {
    const s = this.state(scope.account);
    const t = s?.plan.transitions;
    if (!s || !t || from === 'terminated') return dueAt;
    if (t.stuck?.includes(from)) {
      this.stuck.push({ kind, id: resourceId });
      s.counters.transitions.stuck++;
      this.notes.push({ kind: 'transition', resource: resourceId, from, stuck: true });
      return STUCK_AT;
    }
    const min = t.minMs ?? 0;
    const max = t.maxMs ?? min;
    if (max <= 0) return dueAt;
    const extra = Math.floor(min + s.next() * (max - min + 1));
    s.counters.transitions.delayed++;
    this.notes.push({ kind: 'transition', resource: resourceId, from, delayMs: extra });
    return dueAt + extra;
  }

  /** The stuck transitions, released (the back end reschedules them when advanced). */
  takeStuck(): Array<{ kind: string; id: string }> {
    const stuck = this.stuck;
    this.stuck = [];
    return stuck;
  }

  private planFor(account: string): FaultPlan | undefined {
    return this.plans.get(account) ?? this.plans.get('*');
  }

  private state(account: string): AccountState | undefined {
    if (this.bypassing > 0) return undefined;
    const plan = this.planFor(account);
    if (!plan) return undefined;
    let s = this.states.get(account);
    if (!s || s.plan !== plan) this.states.set(account, (s = new AccountState(plan, account)));
    return s;
  }

  private fail(s: AccountState, action: string, error: Ec2Error, note: FaultNote): never {
    s.count(action, error.code);
    const full = { ...note, code: error.code };
    this.notes.push(full);
    throw new InjectedFault(error, full);
  }

  private applyRules(s: AccountState, action: string): void {
    s.plan.rules.forEach((rule: FaultRule, i) => {
      if (!matches(rule.action, action)) return;
      if (rule.count !== undefined && s.ruleInjected[i] >= rule.count) return;
      // Draw only for rates below 1, so a count-only rule leaves the random sequence alone.
      if (rule.rate !== undefined && rule.rate < 1 && s.next() >= rule.rate) return;
      s.ruleInjected[i]++;
      this.fail(s, action, INJECTABLE_ERRORS[rule.error](), { kind: 'rule', rule: i });
    });
  }

  private throttle(s: AccountState, scope: Scope, action: string, input: Record<string, unknown>, now: number): void {
    const overrides = s.plan.throttling!;
    const category = categoryOf(action, input);
    const spec = overrides.buckets?.[action] ?? overrides.buckets?.[category] ?? REQUEST_LIMITS[category];
    const request = s.bucket(`${scope.region}/${action}/${category}`, category, spec, now);
    if (!request.take(1, now)) this.fail(s, action, ServerErrors.requestLimitExceeded(), { kind: 'throttle', bucket: category });
    const cost = resourceCost(action, input);
    if (cost === 0) return;
    const resSpec = overrides.resources?.[action] ?? RESOURCE_LIMITS[action];
    const resource = s.bucket(`${scope.region}/${action}/resource`, 'resource', resSpec, now);
    if (!resource.take(cost, now)) {
      request.give(1);
      this.fail(s, action, ServerErrors.requestLimitExceeded(), { kind: 'throttle', bucket: 'resource', cost });
    }
  }

  private checkCapacity(s: AccountState, scope: Scope, action: string, output: Record<string, unknown>): void {
    const instance = (output.Instances as Array<{ InstanceType?: string; Placement?: { AvailabilityZone?: string } }> | undefined)?.[0];
    const type = instance?.InstanceType;
    const zone = instance?.Placement?.AvailabilityZone;
    if (!type || !zone) return;
    const i = s.plan.capacity.findIndex(
      (c: CapacityRule, j) => matches(c.instanceType, type) && matches(c.zone, zone) && (c.count === undefined || s.capacityInjected[j] < c.count),
    );
    if (i < 0) return;
    s.capacityInjected[i]++;
    // The zones AWS suggests: those of the region where no rule withholds this type.
    const others = zonesOf(scope.region)
      .map((z) => z.name)
      .filter((z) => z !== zone && !s.plan.capacity.some((c, j) => matches(c.instanceType, type) && matches(c.zone, z) && (c.count === undefined || s.capacityInjected[j] < c.count)));
    this.fail(s, action, ServerErrors.insufficientCapacity(type, zone, others), { kind: 'capacity', instanceType: type, zone });
  }
}
