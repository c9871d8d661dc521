/** Shared set-up for the nova network manager tests: a seeded server in a nova mode, admin calls, golden renders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DescribeNetworkInterfacesCommand,
  EC2Client,
  NetworkInterface,
} from '@aws-sdk/client-ec2';
import type { Config } from '../../src/config';
import { startTestServer, TestServer } from '../helpers/server';

export interface RenderedFile {
  path: string;
  content: string;
}

export async function startNova(manager: 'flat' | 'flatdhcp' | 'vlan', config: Partial<Config> = {}): Promise<TestServer> {
  return startTestServer({ seed: 8, networkManager: `us-east-1=${manager}`, ...config });
}

export async function adminCall(t: TestServer, method: string, route: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/_ec2lite/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** POST /_ec2lite/networks that must succeed; the created networks. */
export async function createNetworks(t: TestServer, body: Record<string, unknown>): Promise<any[]> {
  const out = await adminCall(t, 'POST', 'networks', body);
  if (out.status !== 200) throw new Error(`create networks failed: ${out.status} ${JSON.stringify(out.body)}`);
  return out.body.networks;
}

/** POST /_ec2lite/networks that must fail with this nova message. */
export async function expectCreateError(t: TestServer, body: Record<string, unknown>, message: string | RegExp, status = 400): Promise<void> {
  const out = await adminCall(t, 'POST', 'networks', body);
  expect(out.status).toBe(status);
  if (message instanceof RegExp) expect(out.body.error).toMatch(message);
  else expect(out.body.error).toBe(message);
}

/** The render of a host, as path -> content. */
export async function renderOf(t: TestServer, host: string, query = ''): Promise<Map<string, string>> {
  const out = await adminCall(t, 'GET', `network-hosts/${host}/render${query}`);
  if (out.status !== 200) throw new Error(`render failed: ${out.status} ${JSON.stringify(out.body)}`);
  return new Map((out.body.files as RenderedFile[]).map((f) => [f.path, f.content]));
}

const GOLDEN_ROOT = path.resolve(__dirname, '..', '..', 'fixtures', 'network');

/**
 * Compares a render with fixtures/network/<name>/ (every file, and no file more or less).
 * UPDATE_GOLDEN=1 rewrites the fixtures instead.
 */
export function expectGolden(name: string, files: Map<string, string>): void {
  const dir = path.join(GOLDEN_ROOT, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [p, content] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), content);
    }
    return;
  }
  const stored = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else stored.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  if (!fs.existsSync(dir)) throw new Error(`no golden render at ${dir} (run with UPDATE_GOLDEN=1 to create it)`);
  walk(dir);
  expect([...files.keys()].sort()).toEqual([...stored.keys()].sort());
  for (const [p, content] of files) expect({ file: p, content }).toEqual({ file: p, content: stored.get(p) });
}

/** Hosts-file lines as (mac, hostname, ip). */
export function hostsEntries(conf: string | undefined): Array<[string, string, string]> {
  return (conf ?? '')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [mac, name, ip] = l.split(',');
      return [mac, name.replace(/\.novalocal$/, ''), ip];
    });
}

/** What the EC2 API says a network's hosts file must hold: attached interfaces of the subnet as (mac, instance, ip). */
export async function apiEntries(ec2: EC2Client, subnetId: string): Promise<Array<[string, string, string]>> {
  const out = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: [subnetId] }] }));
  return (out.NetworkInterfaces ?? [])
    .filter((n: NetworkInterface) => n.Attachment?.InstanceId && ['attaching', 'attached'].includes(n.Attachment.Status!))
    .map((n: NetworkInterface): [string, string, string] => [n.MacAddress!, n.Attachment!.InstanceId!, n.PrivateIpAddress!])
    .sort((a, b) => ipKey(a[2]) - ipKey(b[2]));
}

const ipKey = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
