/**
 * `npm run soak -- --minutes N`: a bounded soak of ec2lite. Starts its own server on loopback (a child process),
 * runs C clients (default 8) of mixed valid and malformed traffic until the time or the request budget is spent,
 * stops the server, and prints requests, answers by status, 5xx count, server RSS at start and end, and the
 * server's worst event-loop delay. Exit status 1 when any answer was a 5xx.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { codeOf, randomDescribe, send, worstInputs } from './adversarial';
import { formEncode, queryBody } from './http';
import { rng } from './stats';
import { REPO_ROOT, startChildEc2lite } from './target';

const USAGE = `usage: npm run soak -- [--minutes N] [--clients C] [--max-requests R] [--seed S]

  --minutes N        how long to run (default 5; fractions allowed)
  --clients C        concurrent clients (default 8)
  --max-requests R   stop after this many requests even if time is left (default 2,000,000)
  --seed S           seed of the random choices (default 1)
`;

interface SoakOptions {
  minutes: number;
  clients: number;
  maxRequests: number;
  seed: number;
}

function parseArgs(argv: string[]): SoakOptions {
  const o: SoakOptions = { minutes: 5, clients: 8, maxRequests: 2_000_000, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split('=', 2) : [argv[i], undefined];
    const num = () => {
      const v = Number(inline ?? argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${flag} needs a positive number`);
      return v;
    };
    if (flag === '--minutes') o.minutes = num();
    else if (flag === '--clients') o.clients = Math.floor(num());
    else if (flag === '--max-requests') o.maxRequests = Math.floor(num());
    else if (flag === '--seed') o.seed = Math.floor(num());
    else if (flag === '-h' || flag === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument '${argv[i]}' (see --help)`);
  }
  return o;
}


type Call = { body: string | Buffer; headers?: Record<string, string> };

/** Malformed requests, small enough to send thousands of; the 1 MB worst inputs are mixed in rarely. */
function malformed(random: () => number): Call[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  return [
    { body: 'Action=DescribeVpcs&VpcId.1=vpc-xyz' },
    { body: 'Action=DescribeVpcs&Bogus=1' },
    { body: 'Action=NoSuchAction' },
    { body: 'Action=DescribeVpcs&MaxResults=abc' },
    { body: 'Action=DescribeTags&MaxResults=0' },
    { body: 'Action=ImportKeyPair&KeyName=k&PublicKeyMaterial=' + ' '.repeat(4096) + '!' },
    { body: 'Action=DescribeVpcs&Filter.1.Name=tag:k&Filter.1.Value.1=' + 'a'.repeat(300) },
    { body: 'Action=DescribeVpcs&' + Array.from({ length: 201 }, (_, i) => `Filter.1.Value.${i + 1}=v`).join('&') + '&Filter.1.Name=vpc-id' },
    { body: 'Action=CreateTags&ResourceId.1=vpc-12345678&Tag.1' + '.1'.repeat(100) + '=x' },
    { body: 'Action=DescribeVpcs&VpcId.1=%7F%01' + 'x'.repeat(pick([10, 1000, 10000])) },
    { body: 'Action=AuthorizeSecurityGroupIngress&GroupName=default&IpPermissions.1.IpProtocol=icmp&IpPermissions.1.FromPort=443&IpPermissions.1.ToPort=65536&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0' },
    { body: 'Action=CreateSecurityGroup&GroupName=&GroupDescription=d' },
    { body: brotliCompressSync(Buffer.alloc(4 << 20, 0x61)), headers: { 'content-encoding': 'br' } },
    { body: queryBody('DescribeRegions'), headers: { 'content-type': 'application/json' } },
    { body: 'Action=DescribeRegions', headers: { authorization: 'AWS4-HMAC-SHA256 ' + 'Credential='.repeat(500) } },
  ];
}

/** Valid calls that keep the state bounded: describes, tags that overwrite, groups created and deleted. */
async function validCall(agent: http.Agent, endpoint: string, random: () => number, record: (status: number) => void): Promise<void> {
  const r = random();
  if (r < 0.4) return record((await send(agent, endpoint, randomDescribe(random))).status);
  if (r < 0.6) return record((await send(agent, endpoint, queryBody('DescribeRegions'))).status);
  if (r < 0.8) {
    const vpcs = await send(agent, endpoint, queryBody('DescribeVpcs', { 'Filter.1.Name': 'is-default', 'Filter.1.Value.1': 'true' }));
    record(vpcs.status);
    const vpc = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(vpcs.body)?.[1];
    if (vpc) record((await send(agent, endpoint, formEncode({ Action: 'CreateTags', 'ResourceId.1': vpc, 'Tag.1.Key': `k${Math.floor(random() * 10)}`, 'Tag.1.Value': String(random()) }))).status);
    return;
  }
  const created = await send(agent, endpoint, formEncode({ Action: 'CreateSecurityGroup', GroupName: `soak-${random().toString(36).slice(2)}`, GroupDescription: 'soak' }));
  record(created.status);
  const id = /<groupId>(sg-[0-9a-f]+)<\/groupId>/.exec(created.body)?.[1];
  if (id) record((await send(agent, endpoint, formEncode({ Action: 'DeleteSecurityGroup', GroupId: id }))).status);
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const resultsDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const loopFile = path.join(resultsDir, `soak-loop-${process.pid}.json`);
  const target = await startChildEc2lite({ loopFile });
  const endpoint = target.endpoint;
  process.stderr.write(`[soak] ec2lite at ${endpoint} (pid ${target.pid}); ${o.clients} clients for ${o.minutes} min, at most ${o.maxRequests} requests\n`);
  const statuses: Record<string, number> = {};
  let requests = 0;
  const firstErrors = new Map<number, string>();
  const record = (status: number, body?: string) => {
    requests++;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 500 && body !== undefined && !firstErrors.has(status)) firstErrors.set(status, codeOf(body) ?? body.slice(0, 200));
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.clients });
  const big = worstInputs(1 << 20);
  let rssStartMB: number | undefined;
  let rssPeakMB = 0;
  const started = Date.now();
  const deadline = started + o.minutes * 60_000;
  try {
    // warm up, then start the event-loop window and the RSS reading
    record((await send(agent, endpoint, queryBody('DescribeVpcs'))).status);
    rssStartMB = target.memory()?.rssMB;
    target.resetLoopDelay?.();
    const sampler = setInterval(() => (rssPeakMB = Math.max(rssPeakMB, target.memory()?.rssMB ?? 0)), 1000);
    const progress = setInterval(() => {
      process.stderr.write(`[soak] ${Math.round((Date.now() - started) / 1000)} s: ${requests} requests, 5xx ${fiveHundreds(statuses)}, RSS ${target.memory()?.rssMB.toFixed(0)} MB\n`);
    }, 15_000);
    const client = async (n: number) => {
      const random = rng(o.seed * 1000 + n);
      const bad = malformed(random);
      while (Date.now() < deadline && requests < o.maxRequests) {
        const r = random();
        if (r < 0.6) {
          await validCall(agent, endpoint, random, (s) => record(s));
        } else {
          const call = r < 0.995 ? bad[Math.floor(random() * bad.length)] : big[Math.floor(random() * big.length)];
          const reply = await send(agent, endpoint, call.body, call.headers);
          record(reply.status, reply.body);
        }
      }
    };
    await Promise.all(Array.from({ length: o.clients }, (_, n) => client(n)));
    clearInterval(sampler);
    clearInterval(progress);
    await new Promise((r) => setTimeout(r, 300)); // the loop monitor writes every 200 ms
    const loop = target.loopDelay?.();
    const rssEndMB = target.memory()?.rssMB;
    const seconds = (Date.now() - started) / 1000;
    const bad5xx = fiveHundreds(statuses);
    const f0 = (n: number | undefined) => (n === undefined ? '-' : Math.round(n).toLocaleString('en-US'));
    process.stdout.write(
      [
        `soak: ${f0(requests)} requests in ${seconds.toFixed(0)} s (${f0(requests / seconds)}/s), ${o.clients} clients, about 40 % malformed`,
        `  answers: ${Object.entries(statuses).map(([s, c]) => `${s}: ${f0(c)}`).join(', ')}`,
        `  5xx: ${f0(bad5xx)}${firstErrors.size ? ` (${[...firstErrors].map(([s, m]) => `${s} ${m}`).join('; ')})` : ''}`,
        `  server RSS: start ${f0(rssStartMB)} MB, end ${f0(rssEndMB)} MB, peak ${f0(rssPeakMB)} MB`,
        `  server event-loop delay: worst ${loop ? loop.maxMs.toFixed(1) : '-'} ms, p99 ${loop ? loop.p99Ms.toFixed(1) : '-'} ms, mean ${loop ? loop.meanMs.toFixed(2) : '-'} ms`,
        '',
      ].join('\n'),
    );
    return bad5xx === 0 ? 0 : 1;
  } finally {
    agent.destroy();
    await target.stop();
    fs.rmSync(loopFile, { force: true });
  }
}

const fiveHundreds = (statuses: Record<string, number>) => Object.entries(statuses).reduce((n, [s, c]) => (Number(s) >= 500 ? n + c : n), 0);

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`soak: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
