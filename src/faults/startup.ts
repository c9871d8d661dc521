/**
 * The plan a server starts with, from its options: `--faults` (JSON or @file), `--throttling aws` and
 * `--consistency-ms N` (shorthands that fill in what the plan leaves out). Undefined when nothing is asked for.
 */
import { readFileSync } from 'node:fs';
import { Config, ConfigError } from '../config';
import { parsePlan, planFromText, PlanError, type FaultPlan } from './plan';

export function startupPlan(config: Pick<Config, 'faults' | 'throttling' | 'consistencyMs'>): FaultPlan | undefined {
  const throttling = config.throttling ?? 'off';
  if (throttling !== 'off' && throttling !== 'aws') throw new ConfigError(`--throttling: expected off or aws, got '${throttling}'`);
  const consistencyMs = config.consistencyMs ?? 0;
  if (!config.faults && throttling === 'off' && consistencyMs === 0) return undefined;
  try {
    const plan = parsePlan(config.faults ? planFromText(config.faults, (f) => readFileSync(f, 'utf8')) : {});
    if (throttling === 'aws') plan.throttling ??= {};
    if (consistencyMs > 0) plan.consistency ??= { delayMs: consistencyMs };
    return plan;
  } catch (e) {
    if (e instanceof PlanError) throw new ConfigError(`--faults: ${e.message}`);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError(`--faults: cannot read ${(e as Error).message}`);
    throw e;
  }
}
