/**
 * Library options -> a Runtime, and the test controls (reset, advance, pause, faults…) of a running emulator:
 * shared by `startEc2lite` (src/index.ts) and the in-process `mockEc2lite` (src/inProcess.ts).
 */
import type { Config, LogLevel } from '../config';
import type { Clock } from '../core/clock';
import { Runtime } from '../core/runtime';
import { parsePlan, type FaultPlan, type FaultPlanInput, type FaultsView } from '../faults/plan';
import { createLogger } from '../logger';

/** Options of an emulator, in-process or behind `startEc2lite`'s HTTP server. */
export interface Ec2liteOptions {
  /** Region of requests that name none (in-process: clients with no region). Default us-east-1. */
  region?: string;
  /** Account of requests whose access key id is not 12 digits. Default 123456789012. */
  account?: string;
  /** SQLite file whose state survives restarts. Default: in memory. */
  db?: string;
  /** `'manual'`: time stands still until `advance(ms)`; `'system'` (default): wall-clock time. */
  clock?: 'system' | 'manual' | Clock;
  /** Seed for deterministic resource ids, MAC addresses and request ids. Default: random. */
  seed?: number;
  /** Default `'silent'` (the CLI's default is `info`). */
  logLevel?: LogLevel;
  /** Back-end transition delays in ms (all default 0: due at once, applied before the next call is served). */
  pendingMs?: number;
  stoppingMs?: number;
  shuttingDownMs?: number;
  attachMs?: number;
  detachMs?: number;
  volumeMs?: number;
  snapshotMs?: number;
  /** How long terminated instances stay visible. Default 3,600,000. */
  terminatedTtlMs?: number;
  /**
   * A fault plan for every account from the start (README "Testing your retries"); `reset()` comes back to it.
   * Default: none, no faults.
   */
  faults?: FaultPlanInput;
  /** Any other server option (the keys of the CLI's flags); the named options above win. */
  config?: Partial<Config>;
}

/** Test controls of a running emulator. */
export interface Ec2liteControls {
  /** Wipes every account and region (the admin API's `POST /_ec2lite/reset`). */
  reset(): void;
  /**
   * Moves the clock forward `ms` (default 0), then applies every back-end transition that is due, paused or not.
   * Returns how many were applied.
   */
  advance(ms?: number): number;
  /** Stops automatic back-end transitions: only `advance()` applies them until `resume()`. */
  pause(): void;
  /** Restarts automatic transitions (and applies what is due now). */
  resume(): void;
  /** Fault plans, per account (`account` in the plan; default every account). */
  readonly faults: {
    /** Sets (replaces) the plan of its account; throws on an invalid plan. */
    set(plan: FaultPlanInput): FaultPlan;
    /** The plans, and per account the counters (calls, injected faults, hidden items), rules and token buckets. */
    get(account?: string): FaultsView;
    /** Removes one account's plan, or every plan. */
    clear(account?: string): void;
  };
}

/**
 * The emulator behind a server or a mock: its effective configuration and its back end (advanced; shared between
 * `startEc2lite` and `mockEc2lite` through `MockEc2liteOptions.runtime`). A structural view of src/core/runtime.ts's
 * Runtime, so that ec2lite's published types stay free of internal and third-party (SQLite) types.
 */
export interface Ec2liteRuntime {
  readonly config: Readonly<Config>;
  readonly backend: {
    /** Every scheduled back-end transition, with whether it is due now. */
    list(): unknown[];
    advance(ms?: number): number;
    pause(): void;
    resume(): void;
    readonly isPaused: boolean;
  };
  readonly faults: {
    set(plan: FaultPlan): FaultPlan;
    view(account?: string): FaultsView;
    clear(account?: string): string[];
  };
  reset(): void;
  close(): void;
}

const NAMED_OPTIONS = ['region', 'account', 'db', 'seed', 'logLevel', 'pendingMs', 'stoppingMs', 'shuttingDownMs', 'attachMs', 'detachMs', 'volumeMs', 'snapshotMs', 'terminatedTtlMs'] as const;

/** Config overrides from library options (log level defaults to silent). */
export function configFromOptions(options: Ec2liteOptions, extra: Partial<Config> = {}): Partial<Config> {
  const config: Partial<Config> = { logLevel: 'silent', ...options.config, ...extra };
  const target = config as Record<string, unknown>;
  for (const key of NAMED_OPTIONS) if (options[key] !== undefined) target[key] = options[key];
  if (options.faults !== undefined) config.faults = JSON.stringify(options.faults);
  return config;
}

/** A Runtime (database, services, back end, gateway) from library options. Nothing listens and no timer runs. */
export function createRuntime(options: Ec2liteOptions = {}, extra: Partial<Config> = {}): Ec2liteRuntime {
  const config = configFromOptions(options, extra);
  return new Runtime(config, { clock: options.clock ?? 'system', logger: createLogger(config.logLevel ?? 'silent') });
}

export function controlsFor(runtime: Ec2liteRuntime): Ec2liteControls {
  return {
    reset: () => runtime.reset(),
    advance: (ms = 0) => runtime.backend.advance(ms),
    pause: () => runtime.backend.pause(),
    resume: () => runtime.backend.resume(),
    faults: {
      set: (plan) => runtime.faults.set(parsePlan(plan)),
      get: (account) => runtime.faults.view(account),
      clear: (account) => void runtime.faults.clear(account),
    },
  };
}
