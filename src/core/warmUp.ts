/**
 * Start-up warm-up: before the server listens, the calls a test suite makes first (VPC, subnets, security group,
 * instances with several network interfaces, attach/detach, describes, tags, terminate) run a few rounds over
 * loopback HTTP against a throwaway runtime of their own (a separate in-memory database, closed afterwards: the
 * served state, its ids and any --db file are untouched). V8 compiles and optimizes code per process, not per
 * database, so the first real requests find the request path compiled instead of interpreting it; the SQL the
 * rounds prepared is handed over so the served database prepares it ahead (see docs/decisions.md "Running it" and
 * docs/performance.md for what it buys). Rounds start until `--warm-up-ms` is spent (0 = off); a
 * round already started launches no more instances after that and ends. On a slow machine the budget also ends
 * at a fixed time since the process started, and rounds still running a little later are dropped where they are,
 * so start-up stays under a second however long a round takes there.
 */
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import { Runtime } from './runtime';
import { listen, RunningServer } from '../server/server';

/** Each round in an account of its own (a 12-digit access key id names the account): no quota fills up. */
const authFor = (round: number) =>
  `AWS4-HMAC-SHA256 Credential=${100_000_000_000 + round}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0`;

type Params = Record<string, string>;

/** The first id of this prefix in an XML answer (the warm-up reads its own answers as a client would). */
function idIn(body: string, prefix: string): string {
  const m = new RegExp(`>(${prefix}-[0-9a-f]+)<`).exec(body);
  if (!m) throw new Error(`warm-up: no ${prefix} id in ${body.slice(0, 300)}`);
  return m[1];
}

/**
 * One round: what a multi-NIC test does, from an empty account to an empty account. Once the time is spent it
 * launches no more instances and goes straight to the describes and the terminate, so no round overruns by much.
 */
async function round(send: (params: Params, auth: string) => Promise<string>, n: number, timeLeft: () => boolean): Promise<void> {
  const call = (params: Params) => send(params, authFor(n));
  await call({ Action: 'DescribeRegions' });
  await call({ Action: 'DescribeAvailabilityZones' });
  const vpc = idIn(await call({ Action: 'CreateVpc', CidrBlock: '10.0.0.0/16', 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': `warm-${n}` }), 'vpc');
  const subnetA = idIn(await call({ Action: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }), 'subnet');
  const subnetB = idIn(await call({ Action: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' }), 'subnet');
  const sg = idIn(await call({ Action: 'CreateSecurityGroup', GroupName: `warm-${n}`, GroupDescription: 'warm-up', VpcId: vpc }), 'sg');
  await call({ Action: 'AuthorizeSecurityGroupIngress', GroupId: sg, 'IpPermissions.1.IpProtocol': 'tcp', 'IpPermissions.1.FromPort': '22', 'IpPermissions.1.ToPort': '22', 'IpPermissions.1.IpRanges.1.CidrIp': '0.0.0.0/0' });
  const instances: string[] = [];
  for (let i = 0; i < 8 && (i === 0 || timeLeft()); i++) {
    const run = await call({
      Action: 'RunInstances',
      ImageId: 'ami-12345678',
      InstanceType: 'm5.xlarge',
      MinCount: '1',
      MaxCount: '1',
      ClientToken: `warm-${n}-${i}`,
      'NetworkInterface.1.DeviceIndex': '0',
      'NetworkInterface.1.SubnetId': subnetA,
      'NetworkInterface.1.SecurityGroupId.1': sg,
      'NetworkInterface.2.DeviceIndex': '1',
      'NetworkInterface.2.SubnetId': subnetB,
      'NetworkInterface.3.DeviceIndex': '2',
      'NetworkInterface.3.SubnetId': subnetA,
      'NetworkInterface.3.DeleteOnTermination': 'true',
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.1.Tag.1.Key': 'Name',
      'TagSpecification.1.Tag.1.Value': `web-${i}`,
    });
    const instance = idIn(run, 'i');
    instances.push(instance);
    await call({ Action: 'DescribeInstances', 'InstanceId.1': instance });
    const eni = idIn(await call({ Action: 'CreateNetworkInterface', SubnetId: subnetB, Description: 'extra', ClientToken: `warm-eni-${n}-${i}` }), 'eni');
    await call({ Action: 'CreateTags', 'ResourceId.1': eni, 'Tag.1.Key': 'role', 'Tag.1.Value': 'extra' });
    const attachment = idIn(await call({ Action: 'AttachNetworkInterface', NetworkInterfaceId: eni, InstanceId: instance, DeviceIndex: '3' }), 'eni-attach');
    await call({ Action: 'DescribeNetworkInterfaces', 'Filter.1.Name': 'attachment.instance-id', 'Filter.1.Value.1': instance });
    await call({ Action: 'ModifyNetworkInterfaceAttribute', NetworkInterfaceId: eni, 'Attachment.AttachmentId': attachment, 'Attachment.DeleteOnTermination': 'false' });
    await call({ Action: 'DetachNetworkInterface', AttachmentId: attachment });
    await call({ Action: 'DescribeNetworkInterfaces', 'NetworkInterfaceId.1': eni });
    await call({ Action: 'DeleteNetworkInterface', NetworkInterfaceId: eni });
  }
  await call({ Action: 'DescribeVpcs', 'VpcId.1': vpc });
  await call({ Action: 'DescribeSubnets', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpc });
  await call({ Action: 'DescribeSecurityGroups', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpc });
  await call({ Action: 'DescribeInstances', 'Filter.1.Name': 'tag:Name', 'Filter.1.Value.1': 'web-*' });
  await call({ Action: 'TerminateInstances', ...Object.fromEntries(instances.map((id, i) => [`InstanceId.${i + 1}`, id])) });
  await call({ Action: 'DescribeInstances', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpc });
}

export interface WarmUp {
  rounds: number;
  /** Calls answered (what V8 saw of the request path before the first real request). */
  calls: number;
  /** Why it stopped before its time, if it did. */
  error?: string;
  /** The SQL it prepared, for the served database to prepare ahead (Database.prepareAhead). */
  statements: string[];
}

/** Rounds run side by side, as a test suite's parallel workers would call. */
const PARALLEL = 4;
const CALL_TIMEOUT_MS = 5_000;
/**
 * Milliseconds since the process started after which no new work starts, and after which rounds still running are
 * dropped. Where loading the code alone took ~0.3 s and one cold round ~0.45 s (a 2 GHz EPYC), the budget alone
 * let start-up pass a second (1.02–1.19 s); on a faster machine the budget ends first and these never apply.
 * 700 since the actions load on first use (~0.28 s to a warm-up's start there): listening at ~0.75 s, the first
 * answer under 0.9 s even when a round is dropped at 800.
 */
const STOP_STARTING_AT_MS = 700;
const DROP_ROUNDS_AT_MS = 800;

/** Thrown by a call after DROP_ROUNDS_AT_MS: ends its round quietly (the throwaway runtime is closed anyway). */
class RoundDropped extends Error {}

export interface WarmUpOptions {
  /**
   * The served runtime's --seed, if any. The throwaway runtime draws its ids from the same kind of source (seeded
   * or random): V8 optimizes the id code for the source it saw, and a different one at the first real request
   * threw that code away (a deoptimization, `--trace-deopt`).
   */
  seed?: number;
  /** Injected clocks (tests): wall time for the budget, milliseconds since the process started for the bounds. */
  now?: () => number;
  sinceStart?: () => number;
}

/**
 * Runs rounds until `budgetMs` is spent against a throwaway runtime served on a loopback port of its own, through
 * the same HTTP layer real requests take (the fast path and our form parser are code to warm too). Returns
 * the rounds run (0 when turned off). A failing round ends the warm-up: it must never keep the server from starting.
 */
export async function warmUp(budgetMs: number, options: WarmUpOptions = {}): Promise<WarmUp> {
  const { seed, now = Date.now, sinceStart = () => performance.now() } = options;
  if (budgetMs <= 0) return { rounds: 0, calls: 0, statements: [] };
  let runtime: Runtime | undefined;
  let server: RunningServer | undefined;
  const connections: WarmConnection[] = [];
  let rounds = 0;
  let calls = 0;
  let error: string | undefined;
  let statements: string[] = [];
  try {
    runtime = new Runtime({ db: ':memory:', logLevel: 'silent', tickMs: 0, seed });
    const { port } = (server = await listen(runtime, 0, '127.0.0.1'));
    const end = now() + budgetMs;
    const timeLeft = () => now() < end && sinceStart() < STOP_STARTING_AT_MS;
    const worker = async () => {
      const connection = new WarmConnection(port);
      connections.push(connection);
      const send = (params: Params, authorization: string) => {
        if (sinceStart() >= DROP_ROUNDS_AT_MS) return Promise.reject(new RoundDropped());
        return connection.post(params, authorization).then((text) => {
          calls++;
          return text;
        });
      };
      while (timeLeft() && error === undefined) await round(send, rounds++, timeLeft);
    };
    const quietlyDropped = (e: Error) => {
      if (!(e instanceof RoundDropped)) error ??= e.message;
    };
    await Promise.all(Array.from({ length: PARALLEL }, () => worker().catch(quietlyDropped)));
  } catch (e) {
    error ??= (e as Error).message; // e.g. no loopback port to listen on: start without the warm-up
  } finally {
    for (const c of connections) c.close();
    if (runtime) statements = runtime.db.statementTexts();
    if (server) await server.close().catch(() => undefined);
    else runtime?.close();
  }
  return { rounds, calls, error, statements };
}

/**
 * One keep-alive connection of the warm-up's own client, one call at a time. Requests are written in one piece
 * and answers read by their Content-Length (ec2lite always sends one): node:http's client would spend as much of
 * the warm-up's time as the server it warms, which shares this thread.
 */
class WarmConnection {
  private readonly socket: net.Socket;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (text: string) => void; reject: (e: Error) => void; action: string } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(port: number) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (d: Buffer) => this.receive(d));
    this.socket.on('error', (e) => this.settle(e));
    this.socket.on('close', () => this.settle(new Error('warm-up: the connection closed')));
  }

  /** One form-encoded POST, as an SDK sends it; the answer's text, or an error for any status but 200. */
  post(params: Params, authorization: string): Promise<string> {
    const body = new URLSearchParams(params).toString();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject, action: params.Action };
      // A call that never answers must not hold the start-up (each takes milliseconds).
      this.timer = setTimeout(() => this.settle(new Error(`warm-up: ${params.Action} did not answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
      this.socket.write(
        `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\n` +
          `Authorization: ${authorization}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`,
      );
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(d: Buffer): void {
    this.received = this.received.length === 0 ? d : Buffer.concat([this.received, d]);
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.received.toString('latin1', 0, headEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.received.length < headEnd + 4 + length) return;
    const text = this.received.toString('utf8', headEnd + 4, headEnd + 4 + length);
    this.received = this.received.subarray(headEnd + 4 + length);
    const status = Number(head.slice(9, 12));
    this.settle(status === 200 ? undefined : new Error(`warm-up: ${this.waiting?.action} answered ${status}: ${text.slice(0, 300)}`), text);
  }

  private settle(error: Error | undefined, text = ''): void {
    const w = this.waiting;
    this.waiting = undefined;
    clearTimeout(this.timer);
    if (!w) return;
    if (error) w.reject(error);
    else w.resolve(text);
  }
}
