/**
 * `ec2lite network …` against a running server: create with nova-manage's flag spellings, list, hosts, and render
 * into a directory (atomic writes, files of a previous render that no longer apply removed).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { runSubcommand } from '../../src/cliCommands';
import { AMI } from '../helpers/network';
import type { TestServer } from '../helpers/server';
import { startNova } from './helpers';

let t: TestServer;
let out: string;

beforeEach(async () => {
  t = await startNova('flatdhcp');
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-render-'));
});
afterEach(async () => {
  await t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/** Runs the CLI in-process; its exit code, standard output and standard error. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await runSubcommand([...argv, '--endpoint', t.url]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const listing = (dir: string): string[] => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else files.push(path.relative(dir, path.join(d, entry.name)).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
};

it('creates networks with nova-manage spellings, lists them and shows the hosts', async () => {
  const created = await cli('network', 'create', '--label', 'net', '--fixed_range_v4', '10.0.0.0/23', '--num_networks', '2', '--network_size', '256', '--multi-host', 'F');
  expect(created.code).toBe(0);
  expect(JSON.parse(created.stdout).networks.map((n: any) => [n.label, n.cidr, n.multiHost])).toEqual([
    ['net_0', '10.0.0.0/24', false],
    ['net_1', '10.0.1.0/24', false],
  ]);
  const list = await cli('network', 'list');
  expect(JSON.parse(list.stdout).networks).toHaveLength(2);
  const hosts = await cli('network', 'hosts');
  expect(JSON.parse(hosts.stdout).unclaimed.map((n: any) => n.id)).toEqual([1, 2]);

  const refused = await cli('network', 'create', '--label', 'again', '--cidr', '10.0.0.0/24');
  expect(refused).toEqual({ code: 1, stdout: '', stderr: 'ec2lite network: POST networks: HTTP 400: cidr already in use\n' });
  const unknown = await cli('network', 'create', '--label', 'x', '--cidr', '10.9.0.0/24', '--colour', 'blue');
  expect(unknown.stderr).toBe('ec2lite network: unknown option --colour\n');
});

it('renders a host into a directory atomically and keeps it in step with the instances', async () => {
  await cli('network', 'create', '--label', 'net', '--cidr', '10.0.0.0/24');
  const run = await t.ec2.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 2, MaxCount: 2 }));
  t.advance();

  const first = await cli('network', 'render', '--network-host', 'network-1', '--out', out, '--single-default-gateway');
  expect(first.code).toBe(0);
  expect(JSON.parse(first.stdout)).toMatchObject({ host: 'network-1', out, removed: [] });
  expect(listing(out)).toEqual(['commands.sh', 'iptables.rules', 'manifest.json', 'networks/nova-br100.conf', 'networks/nova-br100.leases', 'networks/nova-br100.opts']);
  const hosts = fs.readFileSync(path.join(out, 'networks/nova-br100.conf'), 'utf8').trim().split('\n');
  expect(hosts).toHaveLength(2);

  await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [run.Instances![0].InstanceId!] }));
  t.advance();
  // Without the single-default-gateway option the opts file no longer applies: it is removed.
  const second = await cli('network', 'render', '--network-host', 'network-1', '--out', out);
  expect(JSON.parse(second.stdout).removed).toEqual(['networks/nova-br100.opts']);
  expect(listing(out)).toEqual(['commands.sh', 'iptables.rules', 'manifest.json', 'networks/nova-br100.conf', 'networks/nova-br100.leases']);
  expect(fs.readFileSync(path.join(out, 'networks/nova-br100.conf'), 'utf8')).toBe(
    `${hosts[1].split(',').slice(0, 3).join(',')}\n`,
  );
  // Same state, same bytes.
  const before = listing(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
  await cli('network', 'render', '--network-host', 'network-1', '--out', out);
  expect(listing(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8'))).toEqual(before);
});

it('takes the network host as --network-host (--host is the bind address) and reports unknown hosts', async () => {
  expect(await cli('network', 'render', '--host', 'network-1', '--out', out)).toEqual({
    code: 1,
    stdout: '',
    stderr: "ec2lite network: the network host is --network-host (--host is the server's bind address)\n",
  });
  const unknown = await cli('network', 'render', '--network-host', 'nope', '--out', out);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("unknown network host 'nope'");
  expect(listing(out)).toEqual([]);
});
