/**
 * The idempotency-token store keeps the newest 10,000 tokens and drops older ones in batches; small answers are kept
 * as text, larger ones deflated, and both read back as they were given.
 */
import { Database, Store } from '../../src/store';

test('remembers recent tokens with their answers, forgets the oldest beyond 10,000', () => {
  const store = new Store(new Database(':memory:'));
  const scope = { account: '123456789012', region: 'us-east-1' };
  store.tx(() => {
    for (let i = 1; i <= 12_000; i++) store.clientTokens.put(scope, 'RunInstances', `t${i}`, `h${i}`, JSON.stringify({ n: i }), 0);
  });
  expect(store.clientTokens.get(scope, 'RunInstances', 't12000')).toEqual({ paramsHash: 'h12000', response: '{"n":12000}' });
  expect(store.clientTokens.get(scope, 'RunInstances', 't2001')).toEqual({ paramsHash: 'h2001', response: '{"n":2001}' });
  expect(store.clientTokens.get(scope, 'RunInstances', 't2000')).toBeUndefined();
  expect(store.clientTokens.get(scope, 'RunInstances', 't1')).toBeUndefined();
  expect(store.clientTokens.get(scope, 'CreateNetworkInterface', 't12000')).toBeUndefined();
  store.db.close();
});

test('keeps small answers as text and deflates large ones, reading both back unchanged', () => {
  const store = new Store(new Database(':memory:'));
  const scope = { account: '123456789012', region: 'us-east-1' };
  const small = JSON.stringify({ NetworkInterface: { NetworkInterfaceId: 'eni-0123456789abcdef0', Description: 'é ✓' } });
  const large = JSON.stringify({ Instances: Array.from({ length: 40 }, (_, i) => ({ InstanceId: `i-${i}`, State: { Name: 'pending' } })) });
  expect(small.length).toBeLessThan(1024);
  expect(large.length).toBeGreaterThan(1024);
  store.tx(() => {
    store.clientTokens.put(scope, 'CreateNetworkInterface', 'small', 'h1', small, 0);
    store.clientTokens.put(scope, 'RunInstances', 'large', 'h2', large, 0);
  });
  const stored = store.db.raw.prepare('SELECT token, typeof(response) AS kind, length(response) AS bytes FROM client_tokens ORDER BY token').all();
  expect(stored).toEqual([
    { token: 'large', kind: 'blob', bytes: expect.any(Number) },
    { token: 'small', kind: 'text', bytes: small.length },
  ]);
  expect((stored[0] as { bytes: number }).bytes).toBeLessThan(large.length / 4);
  expect(store.clientTokens.get(scope, 'CreateNetworkInterface', 'small')).toEqual({ paramsHash: 'h1', response: small });
  expect(store.clientTokens.get(scope, 'RunInstances', 'large')).toEqual({ paramsHash: 'h2', response: large });
  store.db.close();
});
