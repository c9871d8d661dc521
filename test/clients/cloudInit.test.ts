/**
 * cloud-init's EC2 datasource against ec2lite's IMDS: the README's "cloud-init" script, word for word, crawls an
 * instance's metadata with cloud-init's own helpers and converts it with convert_ec2_metadata_network_config. Its
 * output must match what DescribeInstances says: one ethernet per MAC, secondary addresses, device numbers, the
 * network-card key on multi-card types only, and the route metrics, tables and policy rules cloud-init derives
 * from them (releases from 24.1 order interfaces by network-card then device-number; 22.4 by device-number alone).
 * Skipped with a message where no Python can import cloud-init's modules (`cloudinit`).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeSubnetsCommand, Instance, InstanceNetworkInterface } from '@aws-sdk/client-ec2';
import { ExtraListeners, startExtraListeners } from '../../src/server/extraListeners';
import { createNetwork, describeInstance, runOne, TestNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';
import { run } from './tools';

interface CloudInit {
  python: string;
  /** 24.1 on: interfaces ordered by (network-card, device-number), policy routing for secondary NICs. */
  ordersByCard: boolean;
}

/** The first Python that imports cloudinit (EC2LITE_CLOUD_INIT_PYTHON, python3, Debian's /usr/bin/python3). */
function findCloudInit(): CloudInit | string {
  const probe = 'from cloudinit.sources import DataSourceEc2 as d; print(hasattr(d, "_build_nic_order"))';
  const candidates = [process.env.EC2LITE_CLOUD_INIT_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p);
  for (const python of candidates) {
    try {
      const out = execFileSync(python, ['-c', probe], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
      return { python, ordersByCard: out.trim() === 'True' };
    } catch {
      // not this one
    }
  }
  return `none of ${candidates.join(', ')} can import cloudinit (Debian: apt-get install cloud-init)`;
}

/** The python block of the README's "cloud-init" section. */
function readmeScript(): string {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = /\n## cloud-init\n([\s\S]*?)\n## /.exec(readme)?.[1];
  const block = section && /```python\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no python block under "## cloud-init"');
  return block;
}

interface Ethernet {
  dhcp4: boolean;
  dhcp6: boolean;
  'dhcp4-overrides'?: { 'route-metric': number; 'use-routes'?: boolean };
  match: { macaddress: string };
  'set-name': string;
  addresses?: string[];
  routes?: Array<{ to: string; via?: string; table: number }>;
  'routing-policy'?: Array<{ from: string; table: number }>;
}
interface Output {
  api_version: string;
  macs: Record<string, Record<string, unknown>>;
  network_config: { version: number; ethernets: Record<string, Ethernet> };
}

const found = findCloudInit();
const describeWithCloudInit = (name: string, fn: (ci: CloudInit) => void) => {
  if (typeof found !== 'string') return describe(name, () => fn(found));
  if (process.env.EC2LITE_REQUIRE_PYTHON_TOOLS === '1') {
    return describe(name, () => {
      it('needs cloud-init', () => {
        throw new Error(`cloud-init is required (EC2LITE_REQUIRE_PYTHON_TOOLS=1) but ${found}`);
      });
    });
  }
  process.stderr.write(`\nSKIPPED "${name}": ${found}\n`);
  return describe.skip(`${name} (skipped: ${found})`, () => fn({ python: '', ordersByCard: false }));
};

describeWithCloudInit("cloud-init's EC2 datasource", (ci) => {
  let t: TestServer;
  let net: TestNetwork;
  let script: string;
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-cloud-init-'));
    script = path.join(dir, 'ec2lite-cloud-init.py');
    fs.writeFileSync(script, readmeScript());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    t = await startTestServer();
    net = await createNetwork(t.ec2);
  });
  afterEach(() => t.close());

  /** `python3 ec2lite-cloud-init.py <imds>` as the README says. */
  async function cloudInit(imds: string): Promise<Output> {
    const r = await run(ci.python, [script, imds], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, timeoutMs: 60_000 });
    if (r.code !== 0) throw new Error(`the README's cloud-init script exited ${r.code}:\n${r.stderr}`);
    return JSON.parse(r.stdout) as Output;
  }

  async function launch(type: string, nics: Array<{ card?: number; device: number; subnet: string; secondaries?: number }>): Promise<Instance> {
    const launched = await runOne(t.ec2, {
      InstanceType: type as never,
      NetworkInterfaces: nics.map((n) => ({
        DeviceIndex: n.device,
        SubnetId: n.subnet,
        ...(n.card === undefined ? {} : { NetworkCardIndex: n.card }),
        ...(n.secondaries ? { SecondaryPrivateIpAddressCount: n.secondaries } : {}),
      })),
    });
    t.advance();
    return describeInstance(t.ec2, launched.InstanceId!);
  }

  /** What cloud-init should make of the instance, computed from DescribeInstances / DescribeSubnets alone. */
  async function expected(instance: Instance, multiCard: boolean) {
    const nics = instance.NetworkInterfaces!;
    const subnets = (await t.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...new Set(nics.map((n) => n.SubnetId!))] }))).Subnets!;
    const cidr = (n: InstanceNetworkInterface) => subnets.find((s) => s.SubnetId === n.SubnetId)!.CidrBlock!;
    const ips = (n: InstanceNetworkInterface) =>
      [...n.PrivateIpAddresses!].sort((a, b) => Number(b.Primary) - Number(a.Primary)).map((p) => p.PrivateIpAddress!);
    // 24.1 on: rank by (network-card, absent = last; device-number; MAC); before: device-number alone
    const card = (n: InstanceNetworkInterface) => (multiCard ? n.Attachment!.NetworkCardIndex! : Infinity);
    const ranked = [...nics].sort((a, b) => card(a) - card(b) || a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex! || (a.MacAddress! < b.MacAddress! ? -1 : 1));
    const byMac = new Map<string, Omit<Ethernet, 'set-name'>>();
    for (const n of nics) {
      const rank = ci.ordersByCard ? ranked.indexOf(n) : n.Attachment!.DeviceIndex!;
      const table = 100 + rank;
      const secondaries = ips(n).slice(1).map((ip) => `${ip}/${cidr(n).split('/')[1]}`).sort();
      const policy = ci.ordersByCard && rank > 0;
      const gateway = cidr(n).replace(/\.0\/\d+$/, '.1'); // the subnets here start at .0
      byMac.set(n.MacAddress!, {
        dhcp4: true,
        dhcp6: false,
        'dhcp4-overrides': { 'route-metric': (rank + 1) * 100, ...(policy ? { 'use-routes': true } : {}) },
        match: { macaddress: n.MacAddress! },
        ...(secondaries.length ? { addresses: secondaries } : {}),
        ...(policy
          ? {
              routes: [{ to: '0.0.0.0/0', via: gateway, table }, { to: cidr(n), table }],
              'routing-policy': ips(n).map((ip) => ({ from: ip, table })),
            }
          : {}),
      });
    }
    return { byMac, cidr, ips };
  }

  /** Checks the crawl and the network configuration against the API's view of the instance. */
  async function check(out: Output, instance: Instance, multiCard: boolean): Promise<void> {
    const { byMac, cidr, ips } = await expected(instance, multiCard);
    const nics = instance.NetworkInterfaces!;
    expect(out.api_version).toBe('2021-03-23');
    expect(Object.keys(out.macs).sort()).toEqual(nics.map((n) => n.MacAddress).sort());
    for (const n of nics) {
      const md = out.macs[n.MacAddress!];
      const addresses = ips(n);
      expect(md).toMatchObject({
        'device-number': String(n.Attachment!.DeviceIndex),
        'interface-id': n.NetworkInterfaceId,
        'subnet-ipv4-cidr-block': cidr(n),
        'local-ipv4s': addresses.length > 1 ? addresses : addresses[0], // cloud-init splits multi-line values
      });
      if (multiCard) expect(md['network-card']).toBe(String(n.Attachment!.NetworkCardIndex));
      else expect(md).not.toHaveProperty('network-card');
    }
    const ethernets = out.network_config.ethernets;
    expect(out.network_config.version).toBe(2);
    expect(Object.keys(ethernets)).toHaveLength(nics.length);
    for (const [name, eth] of Object.entries(ethernets)) {
      expect(eth['set-name']).toBe(name);
      expect({ ...eth, 'set-name': undefined }).toEqual({ ...byMac.get(eth.match.macaddress), 'set-name': undefined });
    }
  }

  it('a 4-NIC m5.xlarge on the per-instance endpoint: every interface, its secondaries and its metric', async () => {
    const instance = await launch('m5.xlarge', [
      { device: 0, subnet: net.subnetA1 },
      { device: 1, subnet: net.subnetA2, secondaries: 2 },
      { device: 2, subnet: net.subnetA1 },
      { device: 3, subnet: net.subnetA2, secondaries: 1 },
    ]);
    const out = await cloudInit(`${t.url}/_ec2lite/imds/${instance.InstanceId}`);
    await check(out, instance, false);
    const metrics = Object.values(out.network_config.ethernets).map((e) => e['dhcp4-overrides']!['route-metric']).sort();
    expect(metrics).toEqual([100, 200, 300, 400]);
  });

  describe('on the --imds-port listener', () => {
    let extra: ExtraListeners;
    afterEach(() => extra.close());

    it('a p4d.24xlarge with interfaces on cards 0, 1 and 3: network-card per MAC, device numbers repeating across cards', async () => {
      const instance = await launch('p4d.24xlarge', [
        { card: 0, device: 0, subnet: net.subnetA1, secondaries: 1 },
        { card: 0, device: 1, subnet: net.subnetA2 },
        { card: 1, device: 0, subnet: net.subnetA2, secondaries: 1 },
        { card: 3, device: 1, subnet: net.subnetA1 },
      ]);
      extra = await startExtraListeners(t.server, { ...t.runtime.config, imdsPort: 0, imdsInstance: instance.InstanceId });
      const out = await cloudInit(extra.imdsUrl!);
      await check(out, instance, true);
      const eth = (card: number, device: number) => {
        const mac = instance.NetworkInterfaces!.find((n) => n.Attachment!.NetworkCardIndex === card && n.Attachment!.DeviceIndex === device)!.MacAddress;
        return Object.values(out.network_config.ethernets).find((e) => e.match.macaddress === mac)!;
      };
      expect(eth(0, 0)['dhcp4-overrides']!['route-metric']).toBe(100);
      if (ci.ordersByCard) {
        // card 1's device 0 comes after card 0's interfaces, in its own table
        expect(eth(1, 0)['dhcp4-overrides']!['route-metric']).toBe(300);
        expect(eth(1, 0).routes![0].table).toBe(102);
        expect(eth(3, 1).routes![0].table).toBe(103);
      }
    });
  });
});
