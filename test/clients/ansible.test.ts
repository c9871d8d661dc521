/**
 * Ansible's amazon.aws collection, unmodified, against an in-process ec2lite: the README's quick start word for
 * word, then test/clients/ansible/multi-nic.yml (ec2_vpc_net, ec2_vpc_subnet, ec2_security_group, ec2_eni,
 * ec2_instance with network.interfaces, the _info modules) run twice — the second run must change nothing — and
 * teardown.yml. Results come from ansible's json stdout callback and are checked against the SDK's view. Skipped
 * where ansible-playbook, amazon.aws or a python3 with boto3 is missing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeInstancesCommand, DescribeNetworkInterfacesCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { startTestServer, TestServer } from '../helpers/server';
import { describeWithAnsible, readmeBlock } from './iacTools';
import { leftovers, NOTHING_LEFT } from './leftovers';
import { awsEnv, run } from './tools';

const PLAY_MS = 240_000;

/** One task's result on localhost, as the json callback reports it (a loop's items are in `results`). */
type TaskResult = Record<string, any>;

describeWithAnsible('Ansible amazon.aws against ec2lite', ({ playbook, python }) => {
  let t: TestServer;
  let dir: string;

  beforeAll(async () => {
    t = await startTestServer();
    dir = mkdtempSync(path.join(os.tmpdir(), 'ec2lite-ansible-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a playbook and returns its tasks' results by task name; any failed task fails the test with its message. */
  async function play(file: string, ...args: string[]): Promise<Record<string, TaskResult>> {
    const r = await run(playbook, [file, '-e', `ansible_python_interpreter=${python}`, '-e', `ec2lite_endpoint=${t.url}`, ...args], {
      cwd: dir, // no ansible.cfg of the repository's or the user's working directory
      timeoutMs: PLAY_MS,
      env: awsEnv({
        ANSIBLE_STDOUT_CALLBACK: 'json',
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_LOCALHOST_WARNING: 'false',
        ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
        ANSIBLE_RETRY_FILES_ENABLED: 'false',
        ANSIBLE_CONFIG: path.join(dir, 'none.cfg'),
      }),
    });
    let report: { plays: Array<{ tasks: Array<{ task: { name: string }; hosts: { localhost: TaskResult } }> }> };
    try {
      report = JSON.parse(r.stdout);
    } catch {
      throw new Error(`ansible-playbook ${file} exited ${r.code} without a JSON report:\n${r.stderr}\n${r.stdout}`);
    }
    const tasks: Record<string, TaskResult> = {};
    for (const task of report.plays.flatMap((p) => p.tasks)) tasks[task.task.name] = task.hosts.localhost;
    const failed = Object.entries(tasks).filter(([, res]) => res.failed || res.results?.some((i: TaskResult) => i.failed));
    if (failed.length > 0 || r.code !== 0) {
      throw new Error(`ansible-playbook ${file} exited ${r.code}; failed: ${JSON.stringify(failed, null, 1).slice(0, 6000)}\n${r.stderr}`);
    }
    return tasks;
  }

  it("runs the README's quick start", async () => {
    const file = path.join(dir, 'readme.yml');
    writeFileSync(file, readmeBlock('Ansible', 'yaml', t.url));
    await play(file);
    const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['demo'] }] }));
    expect(Vpcs!.map((v) => v.CidrBlock)).toEqual(['10.0.0.0/16']);
    const { NetworkInterfaces } = await t.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [Vpcs![0].VpcId!] }] }));
    expect(NetworkInterfaces!.map((n) => [n.PrivateIpAddress, n.TagSet])).toEqual([['10.0.1.10', [{ Key: 'Name', Value: 'demo-eni' }]]]);
    t.runtime.reset();
  }, PLAY_MS);

  describe('multi-NIC story', () => {
    const story = path.join(__dirname, 'ansible', 'multi-nic.yml');
    let first: Record<string, TaskResult>;

    it('creates the network and the instance', async () => {
      first = await play(story);
      const changed = Object.fromEntries(Object.entries(first).map(([name, res]) => [name, res.changed === true]));
      expect(changed).toEqual({
        vpc: true,
        subnets: true,
        'security group': true,
        interfaces: true,
        image: false,
        instance: true,
        'third interface': true,
        'third interface forwards': true,
        'vpc info': false,
        'subnet info': false,
        'security group info': false,
        'eni info': false,
        'instance info': false,
      });
    }, PLAY_MS);

    it("reads the images' root devices and block device mappings (2018's build and today's)", () => {
      const mapping = (image_id: string, snapshot_id: string) =>
        expect.objectContaining({
          image_id,
          root_device_name: '/dev/xvda',
          root_device_type: 'ebs',
          block_device_mappings: [
            { device_name: '/dev/xvda', ebs: expect.objectContaining({ snapshot_id, volume_size: 8, volume_type: 'gp2', delete_on_termination: true }) },
          ],
        });
      expect(first.image.images).toEqual(
        expect.arrayContaining([mapping('ami-04681a1dbd79675a5', 'snap-bab4474e78c9c800e'), mapping('ami-02b9a589195146a8f', 'snap-b52de8703b8fe15ac')]),
      );
      expect(first.image.images).toHaveLength(2);
    });

    it('reports what the SDK sees', async () => {
      const vpcId: string = first.vpc.vpc.id;
      const { Vpcs } = await t.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
      expect(first['vpc info'].vpcs).toEqual([expect.objectContaining({ id: vpcId, cidr_block: '10.30.0.0/16', is_default: false, tags: { Name: 'ans-vpc', team: 'net' } })]);
      expect(Vpcs![0].CidrBlock).toBe('10.30.0.0/16');

      const { Subnets } = await t.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
      const byCidr = (a: { cidr_block?: string; CidrBlock?: string }, b: { cidr_block?: string; CidrBlock?: string }) =>
        String(a.cidr_block ?? a.CidrBlock).localeCompare(String(b.cidr_block ?? b.CidrBlock));
      expect([...first['subnet info'].subnets].sort(byCidr).map((s: TaskResult) => [s.id, s.cidr_block, s.availability_zone, s.tags.Name])).toEqual(
        [...Subnets!].sort(byCidr).map((s) => [s.SubnetId, s.CidrBlock, s.AvailabilityZone, s.Tags!.find((x) => x.Key === 'Name')!.Value]),
      );
      const groups = first['security group info'].security_groups;
      expect(groups).toEqual([expect.objectContaining({ group_id: first['security group'].group_id, group_name: 'ans-web' })]);
      // the module authorizes its rules in no fixed order
      const ports = groups[0].ip_permissions.map((p: TaskResult) => [p.ip_protocol, p.from_port, p.to_port, p.ip_ranges]);
      expect(ports.sort((a: number[], b: number[]) => a[1] - b[1])).toEqual([
        ['tcp', 80, 80, [{ cidr_ip: '0.0.0.0/0' }]],
        ['tcp', 443, 443, [{ cidr_ip: '0.0.0.0/0' }]],
      ]);

      const instanceId: string = first.instance.instance_ids[0];
      const { Reservations } = await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
      const instance = Reservations![0].Instances![0];
      expect(instance.State!.Name).toBe('running');
      const eniIds = [first.interfaces.results[0].interface.id, first.interfaces.results[1].interface.id, first['third interface'].interface.id];
      const sdkView = [...instance.NetworkInterfaces!]
        .sort((a, b) => a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex!)
        .map((n) => [n.NetworkInterfaceId, n.Attachment!.DeviceIndex, n.PrivateIpAddress, n.SourceDestCheck]);
      expect(sdkView).toEqual([
        [eniIds[0], 0, '10.30.1.10', true],
        [eniIds[1], 1, '10.30.2.10', true],
        [eniIds[2], 2, '10.30.2.20', false],
      ]);
      const ansibleView = [...first['eni info'].network_interfaces]
        .sort((a: TaskResult, b: TaskResult) => a.attachment.device_index - b.attachment.device_index)
        .map((n: TaskResult) => [n.id, n.attachment.device_index, n.private_ip_address, n.source_dest_check]);
      expect(ansibleView).toEqual(sdkView);
      expect(first['instance info'].instances).toEqual([
        expect.objectContaining({ instance_id: instanceId, instance_type: 'm5.xlarge', state: expect.objectContaining({ name: 'running' }), tags: { Name: 'ans-multi' } }),
      ]);
    });

    it('changes nothing when run again', async () => {
      const second = await play(story, '--skip-tags', 'info');
      expect(Object.entries(second).filter(([, res]) => res.changed).map(([name]) => name)).toEqual([]);
    }, PLAY_MS);

    it('tears everything down', async () => {
      await play(path.join(__dirname, 'ansible', 'teardown.yml'));
      expect(await leftovers(t.ec2)).toEqual(NOTHING_LEFT);
    }, PLAY_MS);
  });
});
