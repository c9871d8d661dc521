/**
 * When the document changes: rebuilds coalesced to one per interval on the (manual) clock and on demand; hot
 * attach and detach with a back-end delay; the --broadcast-file writer; the `ec2lite broadcast` command.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AttachNetworkInterfaceCommand, DetachNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import { runSubcommand } from '../../src/cliCommands';
import { startExtraListeners } from '../../src/server/extraListeners';
import { createEni } from '../helpers/api';
import { createNetwork, describeInterface, runOne, TestNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';
import { fetchBroadcast, items, parse } from './helpers';

let t: TestServer;
let net: TestNetwork;

beforeEach(async () => {
  t = await startTestServer({ broadcastIntervalMs: 5000, attachMs: 1000, detachMs: 1000 });
  net = await createNetwork(t.ec2);
});
afterEach(() => t.close());

async function runningInstance(): Promise<string> {
  const i = await runOne(t.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: net.subnetA1 }] });
  t.advance();
  return i.InstanceId!;
}

/** ENI ids the document shows for an instance. */
async function enisInDocument(instanceId: string, query = '?fresh=true'): Promise<string[]> {
  const doc = (await parse((await fetchBroadcast(t.url, query)).xml))['network-data'];
  const inst = items(doc.instances, 'instance').find((i) => i.$.name === instanceId);
  return inst ? items(inst.networkInterfaces, 'networkInterface').map((n) => n.$.name) : [];
}

describe('coalescing', () => {
  it('rebuilds at most once per interval on the clock, and at once on demand', async () => {
    const id = await runningInstance();
    const service = t.runtime.broadcast;
    const first = await fetchBroadcast(t.url);
    expect(first.stale).toBe('false');
    const builds = service.builds;

    const eni = await createEni(t.ec2, net.subnetA2);
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, InstanceId: id, DeviceIndex: 1 }));
    // within the interval: the last document, marked stale, nothing rebuilt
    const during = await fetchBroadcast(t.url);
    expect([during.version, during.xml, during.stale]).toEqual([first.version, first.xml, 'true']);
    t.runtime.services.clock.advance(4999);
    expect((await fetchBroadcast(t.url)).version).toBe(first.version);
    expect(service.builds).toBe(builds);

    // the interval has passed: one rebuild shows the new interface
    t.runtime.services.clock.advance(1);
    const after = await fetchBroadcast(t.url);
    expect(after.version).not.toBe(first.version);
    expect(after.stale).toBe('false');
    expect(after.xml).toContain(eni.NetworkInterfaceId!);
    expect(service.builds).toBe(builds + 1);

    // nothing committed since: no rebuild at all, however often it is asked for
    for (let k = 0; k < 3; k++) expect((await fetchBroadcast(t.url)).version).toBe(after.version);
    expect(service.builds).toBe(builds + 1);

    // on demand: a change shows at once with fresh=true, and POST rebuild reports whether it changed
    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: (await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.AttachmentId! }));
    const rebuilt = (await (await fetch(`${t.url}/_ec2lite/broadcast/rebuild`, { method: 'POST' })).json()) as { version: string };
    expect(rebuilt).toMatchObject({ changed: true, stale: false });
    expect(rebuilt.version).not.toBe(after.version);
    const again = await (await fetch(`${t.url}/_ec2lite/broadcast/rebuild`, { method: 'POST' })).json();
    expect(again).toMatchObject({ changed: false, version: rebuilt.version });
  });
});

describe('hot attach and detach', () => {
  it('an attaching interface appears at once (the host must plug it in); a detaching one is gone at once', async () => {
    const id = await runningInstance();
    const [primary] = await enisInDocument(id);
    const eni = await createEni(t.ec2, net.subnetA2);
    const { AttachmentId } = await t.ec2.send(
      new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, InstanceId: id, DeviceIndex: 1 }),
    );
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('attaching');
    expect(await enisInDocument(id)).toEqual([primary, eni.NetworkInterfaceId]);

    t.advance(1000);
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('attached');
    expect(await enisInDocument(id)).toEqual([primary, eni.NetworkInterfaceId]);

    await t.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Attachment!.Status).toBe('detaching');
    expect(await enisInDocument(id)).toEqual([primary]);

    t.advance(1000);
    expect((await describeInterface(t.ec2, eni.NetworkInterfaceId!)).Status).toBe('available');
    expect(await enisInDocument(id)).toEqual([primary]);
  });

  it('a launch shows its pending instance with its attaching interfaces', async () => {
    const t2 = await startTestServer({ pendingMs: 1000 });
    try {
      const n2 = await createNetwork(t2.ec2);
      const i = await runOne(t2.ec2, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: n2.subnetA1 }, { DeviceIndex: 1, SubnetId: n2.subnetA2 }] });
      expect(i.State!.Name).toBe('pending');
      const doc = (await parse((await fetchBroadcast(t2.url, '?fresh=true')).xml))['network-data'];
      const inst = items(doc.instances, 'instance').find((x) => x.$.name === i.InstanceId);
      expect(items(inst.networkInterfaces, 'networkInterface')).toHaveLength(2);
    } finally {
      await t2.close();
    }
  });
});

describe('--broadcast-file and `ec2lite broadcast`', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-broadcast-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the default region document on start and again whenever its version changes', async () => {
    const file = path.join(dir, 'global_network_info.xml');
    const extra = await startExtraListeners(t.server, { ...t.runtime.config, broadcastFile: file });
    try {
      const writer = extra.broadcastWriter!;
      const first = fs.readFileSync(file, 'utf8');
      expect(first).toBe((await fetchBroadcast(t.url)).xml);
      expect(writer.poll()).toBe(false); // nothing changed

      const id = await runningInstance();
      expect(writer.poll()).toBe(false); // coalesced: the interval has not passed on the clock
      t.runtime.services.clock.advance(5000);
      expect(writer.poll()).toBe(true);
      const second = fs.readFileSync(file, 'utf8');
      expect(second).toContain(id);
      expect(writer.history).toHaveLength(2);
      expect(fs.readdirSync(dir)).toEqual(['global_network_info.xml']); // no temp file left behind
    } finally {
      await extra.close();
    }
  });

  it('`ec2lite broadcast` prints the document or writes it atomically with --out', async () => {
    await runningInstance();
    const file = path.join(dir, 'out.xml');
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      expect(await runSubcommand(['broadcast', '--endpoint', t.url, '--out', file, '--fresh'])).toBe(0);
      const summary = JSON.parse(writes.join(''));
      const doc = await fetchBroadcast(t.url);
      expect(summary).toMatchObject({ file, version: doc.version });
      expect(fs.readFileSync(file, 'utf8')).toBe(doc.xml);

      writes.length = 0;
      expect(await runSubcommand(['broadcast', '--endpoint', t.url, '--region', 'eu-west-1'])).toBe(0);
      expect(writes.join('')).toContain('<vpcs/><instances/>');
    } finally {
      spy.mockRestore();
    }
    const errors: string[] = [];
    const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
    try {
      expect(await runSubcommand(['broadcast', '--endpoint', t.url, '--region', 'bogus'])).toBe(1);
      expect(errors.join('')).toContain('HTTP 400');
    } finally {
      errSpy.mockRestore();
    }
  });
});
