/**
 * The command line as users run it: `npm start` runs bin/ec2lite; flags and EC2LITE_* variables; --help; clean
 * shutdown on SIGTERM/SIGINT; state in --db survives a restart and a kill -9 after the write was acknowledged.
 */
import { CreateVpcCommand, DescribeRegionsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, startServerProcess } from '../helpers/process';

const client = (url: string) =>
  new EC2Client({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec2lite-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ec2lite command', () => {
  it('documents every flag and its environment variable in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--port', '--host', '--db', '--region', '--account', '--log-level', '--pending-ms', '--attach-ms', '--detach-ms', '--terminated-ttl-ms', '--imds-port']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('EC2LITE_PENDING_MS');
    expect(stdout).toContain('(default 9750)');
  });

  it('rejects an unknown flag with exit code 2', async () => {
    const { code, stderr } = await runCli(['--bogus', '1']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option --bogus');
  });

  it('serves until SIGTERM, then exits 0 within 5 s', async () => {
    const s = await startServerProcess([]);
    const out = await client(s.url).send(new DescribeRegionsCommand({}));
    expect(out.Regions!.length).toBeGreaterThan(10);
    const started = Date.now();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('under load, SIGTERM refuses new connections, closes the database cleanly and exits 0', async () => {
    const db = path.join(dir, 'load.db');
    const s = await startServerProcess(['--db', db]);
    const acknowledged: string[] = [];
    let signalled = false;
    let stop = false;
    // 8 clients: VPCs created (each acknowledged id must survive), describes, and 1 MB malformed bodies
    const worker = async (n: number) => {
      const big = 'Action=ImportKeyPair&KeyName=k&PublicKeyMaterial=' + '+'.repeat(1_000_000) + '%21';
      for (let i = 0; !stop; i++) {
        const body = i % 5 === 0 ? big : i % 2 === 0 ? `Action=CreateVpc&CidrBlock=10.${n}.0.0/16` : 'Action=DescribeVpcs';
        try {
          const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
          const text = await res.text();
          expect(res.status).toBeLessThan(500);
          const id = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(text)?.[1];
          if (body.startsWith('Action=CreateVpc') && id) acknowledged.push(id);
        } catch (e) {
          // once the signal is sent, connections are cut or refused; before it, nothing may fail
          if (!signalled) throw e;
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, n) => worker(n));
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));
    signalled = true;
    s.child.kill('SIGTERM');
    const code = await s.exited;
    stop = true;
    await Promise.all(workers);
    expect(code).toBe(0);
    expect(s.output()).not.toContain('internal error');
    // nothing listens any more
    await expect(fetch(s.url, { method: 'POST', body: 'Action=DescribeVpcs' })).rejects.toThrow();
    // closed cleanly: the WAL was checkpointed into the database, and every acknowledged write is there
    expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0);
    const again = await startServerProcess(['--db', db]);
    try {
      const vpcs = await client(again.url).send(new DescribeVpcsCommand({ VpcIds: acknowledged }));
      expect(vpcs.Vpcs!.map((v) => v.VpcId).sort()).toEqual([...acknowledged].sort());
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  it('takes the region and account from EC2LITE_* variables, flags winning', async () => {
    const s = await startServerProcess(['--region', 'eu-west-1'], { EC2LITE_REGION: 'ap-south-1', EC2LITE_ACCOUNT: '111122223333' });
    try {
      const res = await fetch(`${s.url}/?Action=DescribeVpcs&Version=2016-11-15`);
      const body = await res.text();
      expect(body).toContain('<ownerId>111122223333</ownerId>');
      const zones = await (await fetch(`${s.url}/?Action=DescribeAvailabilityZones&Version=2016-11-15`)).text();
      expect(zones).toContain('<zoneName>eu-west-1a</zoneName>');
    } finally {
      s.child.kill('SIGINT');
      expect(await s.exited).toBe(0);
    }
  });

  it('keeps acknowledged writes in --db across a restart and a kill -9', async () => {
    const db = path.join(dir, 'state.db');
    let s = await startServerProcess(['--db', db]);
    const vpcId = (await client(s.url).send(new CreateVpcCommand({ CidrBlock: '10.42.0.0/16' }))).Vpc!.VpcId!;
    s.child.kill('SIGKILL');
    await s.exited;
    s = await startServerProcess(['--db', db]);
    try {
      const vpcs = await client(s.url).send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
      expect(vpcs.Vpcs![0].CidrBlock).toBe('10.42.0.0/16');
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });
});

describe('admin subcommands against a running server', () => {
  it('drive the back end and instance-type limits', async () => {
    const s = await startServerProcess(['--pending-ms', '60000']);
    try {
      const endpoint = ['--endpoint', s.url];
      const paused = await runCli(['backend', 'pause', ...endpoint]);
      expect(JSON.parse(paused.stdout)).toEqual({ paused: true });
      const list = await runCli(['backend', 'list', ...endpoint]);
      expect(JSON.parse(list.stdout)).toMatchObject({ paused: true, transitions: [] });

      const set = await runCli(['instance-type', 'set-limit', 't3.micro', '5', ...endpoint]);
      expect(set.code).toBe(0);
      expect(JSON.parse(set.stdout)).toMatchObject({ name: 't3.micro', networkInterfaces: 5, defaultNetworkInterfaces: 2, overridden: true });
      const bad = await runCli(['instance-type', 'set-limit', 't3.micro', '65', ...endpoint]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('65 for parameter networkInterfaces is invalid');
      const reset = await runCli(['instance-type', 'reset', 't3.micro', ...endpoint]);
      expect(JSON.parse(reset.stdout)).toMatchObject({ networkInterfaces: 2, overridden: false });
      const unknown = await runCli(['instance-type', 'show', 'x9.huge', ...endpoint]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('Failed to lookup the requested instance type: x9.huge');

      const resumed = await runCli(['backend', 'resume', ...endpoint]);
      expect(JSON.parse(resumed.stdout)).toEqual({ paused: false });
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  it('explains an unreachable endpoint', async () => {
    const r = await runCli(['backend', 'list', '--endpoint', 'http://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot reach http://127.0.0.1:1');
  });
});
