/**
 * Same behaviour, call by call: every shared scenario runs over HTTP and in-process against emulators with the same
 * seed and a manual clock (so ids and timestamps agree), and the two transcripts, every input, output (Dates,
 * numbers, absent vs empty lists) and error (class, name, message, $fault, status, Code, Error), must be equal.
 * Only the request id (random per call) and SDK-generated ClientTokens (fresh UUIDs) are masked.
 */
import type { Ec2liteOptions } from '../../src/index';
import { SCENARIOS } from './scenarios';
import { httpTarget, inProcessTarget, Target, TargetFactory, TranscriptEntry } from './targets';

const OPTIONS: Ec2liteOptions = { seed: 20260101, clock: 'manual', config: { tickMs: 0 } };

function maskClientTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskClientTokens);
  if (value instanceof Date || value instanceof Uint8Array || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'ClientToken' && typeof v === 'string' ? '<masked>' : maskClientTokens(v)]),
  );
}

async function transcriptOf(factory: TargetFactory, scenario: (typeof SCENARIOS)[number]): Promise<TranscriptEntry[]> {
  const t: Target = await factory({ ...OPTIONS, ...scenario.options, config: { ...OPTIONS.config, ...scenario.options?.config } });
  try {
    await scenario.run(t);
  } finally {
    await t.close();
  }
  return maskClientTokens(t.transcript) as TranscriptEntry[];
}

it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: HTTP and in-process transcripts are equal', async (_name, scenario) => {
  const overHttp = await transcriptOf(httpTarget, scenario);
  const inProcess = await transcriptOf(inProcessTarget('instance'), scenario);
  expect(overHttp.length).toBeGreaterThan(0);
  expect(inProcess).toStrictEqual(overHttp);
});
