/**
 * The instance-type catalog indexes fixtures/instance-types.json by its lines and parses an entry when first asked
 * for (src/domain/instanceTypes.ts): every type must come out exactly as parsing the whole file gives it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES_DIR, InstanceTypeCatalog, networkCardCount } from '../../src/domain/instanceTypes';
import type { InstanceTypeInfo } from '../../src/protocol/model/types.generated';
import type { InstanceTypeOverrideRepo } from '../../src/store/instanceTypeOverrideRepo';

const noOverrides = { get: () => undefined } as unknown as InstanceTypeOverrideRepo;

test('every type of the fixture, in its order, as parsing the whole file gives it', () => {
  const whole = (JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'instance-types.json'), 'utf8')) as { items: InstanceTypeInfo[] }).items;
  const catalog = new InstanceTypeCatalog(noOverrides);
  expect(whole.length).toBeGreaterThan(1000);
  expect(catalog.names()).toEqual(whole.map((t) => t.InstanceType));
  for (const t of whole) expect(catalog.defaults(t.InstanceType!)).toEqual(t);
  expect(catalog.exists('m5.xlarge')).toBe(true);
  expect(catalog.exists('m5.nonesuch')).toBe(false);
  expect(catalog.defaults('m5.nonesuch')).toBeUndefined();
  expect(catalog.get('m5.xlarge')?.NetworkInfo?.MaximumNetworkInterfaces).toBe(4);
  expect(networkCardCount('p5.48xlarge')).toBe(whole.find((t) => t.InstanceType === 'p5.48xlarge')!.NetworkInfo!.MaximumNetworkCards);
  expect(networkCardCount('p5.48xlarge')).toBeGreaterThan(1);
});
