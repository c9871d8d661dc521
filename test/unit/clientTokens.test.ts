/** The idempotency-token store keeps the newest 10,000 tokens and drops older ones in batches. */
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
