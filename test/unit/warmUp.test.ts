/**
 * The start-up warm-up (src/core/warmUp.ts) runs the common calls against a throwaway runtime: every call of its
 * rounds must succeed (a change in an action that breaks a round shows here, not as a silently cold server), and it
 * hands over the SQL it prepared.
 */
import { warmUp } from '../../src/core/warmUp';

test('the warm-up runs whole rounds without an error and reports the statements it prepared', async () => {
  // An injected clock, not a real budget: the deadline is read once, the first worker's check finds time left,
  // every later check finds it spent. So exactly one round runs, whatever the machine's speed.
  let reads = 0;
  const clock = () => (reads++ < 2 ? 0 : Number.MAX_SAFE_INTEGER);
  const warm = await warmUp(1000, { now: clock, sinceStart: () => 0 });
  expect(warm.error).toBeUndefined();
  expect(warm.rounds).toBe(1);
  expect(warm.calls).toBe(23); // 7 to set up, 10 around one instance, 6 describes and the terminate
  expect(warm.statements.some((sql) => sql.startsWith('INSERT INTO instances'))).toBe(true);
}, 30_000);

test('rounds still running at the fixed time since the process started are dropped quietly', async () => {
  // The budget never runs out; the time since start reads 0 for the first ten looks, then far past the drop time:
  // the four workers' checks and six calls go through, every later call is refused and its round ends, no error.
  let looks = 0;
  const sinceStart = () => (looks++ < 10 ? 0 : 60_000);
  const warm = await warmUp(1000, { now: () => 0, sinceStart });
  expect(warm.error).toBeUndefined();
  expect(warm.rounds).toBe(4);
  expect(warm.statements.length).toBeGreaterThan(0);
  // dropped before any round reached its first RunInstances
  expect(warm.statements.some((sql) => sql.startsWith('INSERT INTO instances'))).toBe(false);
}, 30_000);

test('turned off, it runs nothing', async () => {
  expect(await warmUp(0)).toEqual({ rounds: 0, calls: 0, statements: [] });
});
