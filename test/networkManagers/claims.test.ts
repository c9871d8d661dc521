/**
 * Network host claims: a network without a host is claimed with a compare-and-set, so exactly one of several
 * concurrent claimers wins, whether they are worker threads with their own connections to one database file or
 * admin API calls racing each other; the winner then serves the network in every later allocation.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import { contextFor } from '../../src/core/context';
import { Runtime } from '../../src/core/runtime';
import { createNetworks as createNetworksDirect } from '../../src/networkManagers';
import { CLAIM_NETWORK_HOST_SQL } from '../../src/store/novaRepo';
import { ensureScope } from '../../src/domain/vpc';
import { AMI } from '../helpers/network';
import type { TestServer } from '../helpers/server';
import { adminCall, createNetworks, startNova } from './helpers';

const HOSTS = 'network-1,network-2,network-3,network-4';

/** Runs the claim statement from `hosts.length` threads, each with its own connection, released at once. */
async function raceClaims(file: string, networkId: number, hosts: readonly string[]): Promise<number[]> {
  const gate = new SharedArrayBuffer(4);
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.pragma('busy_timeout = 5000');
    const stmt = db.prepare(workerData.sql);
    parentPort.postMessage('ready');
    Atomics.wait(new Int32Array(workerData.gate), 0, 0);
    const changes = stmt.run(workerData.host, workerData.networkId).changes;
    db.close();
    parentPort.postMessage(changes);
  `;
  const driver = require.resolve('better-sqlite3');
  const workers = hosts.map((host) => new Worker(code, { eval: true, workerData: { file, sql: CLAIM_NETWORK_HOST_SQL, host, networkId, gate, driver } }));
  const ready = workers.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve())));
  const done = workers.map(
    (w) =>
      new Promise<number>((resolve, reject) => {
        w.on('message', (m) => m !== 'ready' && resolve(m as number));
        w.on('error', reject);
      }),
  );
  await Promise.all(ready);
  const view = new Int32Array(gate);
  Atomics.store(view, 0, 1);
  Atomics.notify(view, 0);
  const changes = await Promise.all(done);
  await Promise.all(workers.map((w) => w.terminate()));
  return changes;
}

describe('concurrent claims', () => {
  let dir: string;
  let runtime: Runtime;
  afterEach(() => {
    runtime?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of several threads claim each network, and every reader sees that one', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-claims-'));
    const file = path.join(dir, 'state.db');
    runtime = new Runtime({ db: file, logLevel: 'silent', tickMs: 0, networkManager: 'us-east-1=flatdhcp', networkHosts: HOSTS }, { clock: 'manual' });
    const ctx = contextFor(runtime.services, { account: '123456789012', region: 'us-east-1' }, 'Test', 'test');
    const nets = runtime.store.tx(() => {
      ensureScope(ctx);
      return createNetworksDirect(ctx, 'flatdhcp', { label: 'race', cidr: '10.0.0.0/22', numNetworks: 4, networkSize: 256 });
    });
    const hosts = HOSTS.split(',');
    for (const n of nets) {
      const changes = await raceClaims(file, n.id, hosts);
      expect(changes.filter((c) => c === 1)).toHaveLength(1);
      expect(changes.filter((c) => c === 0)).toHaveLength(hosts.length - 1);
      const winner = hosts[changes.indexOf(1)];
      expect(runtime.store.nova.get(n.id)!.host).toBe(winner);
      // A late claimer loses and learns the winner.
      const late = runtime.store.tx(() => runtime.nova.claim(ctx, runtime.store.nova.get(n.id)!, hosts.find((h) => h !== winner)!));
      expect(late).toEqual({ host: winner, won: false });
    }
  });
});

describe('claims through the admin API', () => {
  let t: TestServer;
  afterEach(() => t.close());

  it('has one winner among racing network hosts, who then serves every allocation on the network', async () => {
    t = await startNova('flatdhcp', { networkHosts: HOSTS });
    const [net] = await createNetworks(t, { label: 'net', cidr: '10.0.0.0/24' });
    const results = await Promise.all(HOSTS.split(',').map((host) => adminCall(t, 'POST', `networks/${net.id}/claim`, { host })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const winners = results.filter((r) => r.body.claimed);
    expect(winners).toHaveLength(1);
    const winner = winners[0].body.host;
    expect(new Set(results.map((r) => r.body.host))).toEqual(new Set([winner]));

    await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1 }));
    const hosts = await adminCall(t, 'GET', 'network-hosts');
    expect(hosts.body.hosts.filter((h: any) => h.networks.length > 0).map((h: any) => [h.name, h.networks.map((n: any) => n.id)])).toEqual([[winner, [net.id]]]);
  });

  it('refuses multi-host networks, unknown hosts and unknown networks', async () => {
    t = await startNova('flatdhcp');
    const [multi] = await createNetworks(t, { label: 'multi', cidr: '10.0.0.0/24', multiHost: true });
    expect(await adminCall(t, 'POST', `networks/${multi.id}/claim`, { host: 'network-1' })).toEqual({
      status: 400,
      body: { error: `network ${multi.id} is multi_host: the compute hosts of its instances serve it` },
    });
    const [plain] = await createNetworks(t, { label: 'plain', cidr: '10.0.1.0/24' });
    expect(await adminCall(t, 'POST', `networks/${plain.id}/claim`, { host: 'network-9' })).toEqual({
      status: 404,
      body: { error: "unknown network host 'network-9' (network-1, network-2, compute-1)" },
    });
    expect(await adminCall(t, 'POST', 'networks/99/claim', { host: 'network-1' })).toEqual({ status: 404, body: { error: 'Network 99 could not be found.' } });
    expect((await adminCall(t, 'POST', `networks/${plain.id}/claim`, {})).status).toBe(400);
  });
});
