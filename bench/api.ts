/**
 * The EC2 calls the workloads make, behind one interface with two clients:
 *   raw  pre-built form bodies (the parameters the SDK v3 sends, in its order, ClientToken included) over a
 *        keep-alive agent, answers read by plain string search (no XML parser: the client must stay cheap);
 *   sdk  @aws-sdk/client-ec2 (a devDependency), the same keep-alive agent size, maxAttempts 1.
 * Both throw ApiError with EC2's code and message when the server answers an error.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { HttpTarget, queryBody, RawHttpClient } from './http';

/** raw: pre-built bodies on our own keep-alive sockets; raw-http: the same through node:http's client; sdk: the SDK v3. */
export type ClientKind = 'raw' | 'raw-http' | 'sdk';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(`${code}: ${message}`);
  }
}

interface NicSpec {
  deviceIndex: number;
  subnetId: string;
  secondaryCount?: number;
  deleteOnTermination?: boolean;
}

interface LaunchedNic {
  eniId: string;
  attachmentId: string;
  deviceIndex: number;
  deleteOnTermination: boolean;
  ips: string[];
}

interface EniQuery {
  ids?: string[];
  filters?: Array<{ name: string; values: string[] }>;
  maxResults?: number;
  nextToken?: string;
}

interface EniPage {
  /** Interfaces in this page. */
  count: number;
  ids: string[];
  nextToken?: string;
}

export interface Tag {
  key: string;
  value: string;
}

export interface Ec2Api {
  readonly kind: ClientKind;
  describeRegions(): Promise<void>;
  createVpc(cidr: string): Promise<string>;
  createSubnet(vpcId: string, cidr: string, zone: string): Promise<string>;
  availableIps(subnetId: string): Promise<number>;
  runInstance(instanceType: string, nics: NicSpec[]): Promise<{ instanceId: string; nics: LaunchedNic[] }>;
  /** State name of each instance (DescribeInstances with an instance-id filter, so missing ones are just absent). */
  instanceStates(ids: string[]): Promise<Map<string, string>>;
  createNetworkInterface(subnetId: string, tags?: Tag[]): Promise<{ eniId: string; ip: string }>;
  attach(eniId: string, instanceId: string, deviceIndex: number): Promise<string>;
  detach(attachmentId: string): Promise<void>;
  /** Status of one interface by id; undefined when it does not exist. */
  eniStatus(eniId: string): Promise<string | undefined>;
  setDeleteOnTermination(eniId: string, attachmentId: string, value: boolean): Promise<void>;
  deleteNetworkInterface(eniId: string): Promise<void>;
  terminate(instanceId: string): Promise<void>;
  describeNetworkInterfaces(q: EniQuery): Promise<EniPage>;
  /** An Amazon IPv6 /56 for the VPC (AssociateVpcCidrBlock), then read back (DescribeVpcs): its text. */
  associateVpcIpv6(vpcId: string): Promise<string>;
  associateSubnetIpv6(subnetId: string, cidr: string): Promise<void>;
  /** AssignIpv6Addresses with counts (EC2 takes addresses or prefixes in one call, not both): what was assigned. */
  assignIpv6(eniId: string, addressCount: number, prefixCount: number): Promise<{ addresses: string[]; prefixes: string[] }>;
  close(): void;
}

// ---------------------------------------------------------------------------------------------------------------
// raw

const first = (xml: string, tag: string): string | undefined => {
  const open = `<${tag}>`;
  const i = xml.indexOf(open);
  if (i < 0) return undefined;
  const j = xml.indexOf(`</${tag}>`, i);
  return j < 0 ? undefined : xml.slice(i + open.length, j);
};

const all = (xml: string, tag: string): string[] => {
  const out: string[] = [];
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  let i = xml.indexOf(open);
  while (i >= 0) {
    const j = xml.indexOf(close, i);
    if (j < 0) break;
    out.push(xml.slice(i + open.length, j));
    i = xml.indexOf(open, j);
  }
  return out;
};

function need(xml: string, tag: string): string {
  const v = first(xml, tag);
  if (v === undefined) throw new Error(`response without <${tag}>: ${xml.slice(0, 300)}`);
  return v;
}

/** The `<item>…</item>` children of the first `<tag>` element (nested items stay inside their parent). */
function items(xml: string, tag: string): string[] {
  const start = xml.indexOf(`<${tag}>`);
  if (start < 0) return [];
  const out: string[] = [];
  let depth = 0;
  let itemStart = -1;
  const re = /<(\/?)(item|[A-Za-z]+Set)>/g;
  re.lastIndex = start + tag.length + 2;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const closing = m[1] === '/';
    if (m[2] !== 'item') {
      if (closing && m[2] === tag && depth === 0) break;
      continue;
    }
    if (!closing) {
      if (depth === 0) itemStart = re.lastIndex;
      depth++;
    } else {
      depth--;
      if (depth === 0) out.push(xml.slice(itemStart, m.index));
    }
  }
  return out;
}

function filterParams(q: EniQuery): Record<string, string | number> {
  const p: Record<string, string | number> = {};
  if (q.maxResults !== undefined) p.MaxResults = q.maxResults;
  if (q.nextToken !== undefined) p.NextToken = q.nextToken;
  q.ids?.forEach((id, i) => (p[`NetworkInterfaceId.${i + 1}`] = id));
  q.filters?.forEach((f, i) => {
    p[`Filter.${i + 1}.Name`] = f.name;
    f.values.forEach((v, j) => (p[`Filter.${i + 1}.Value.${j + 1}`] = v));
  });
  return p;
}

class RawApi implements Ec2Api {
  private readonly http: RawHttpClient;

  constructor(
    target: HttpTarget,
    maxSockets: number,
    readonly kind: 'raw' | 'raw-http',
  ) {
    this.http = new RawHttpClient(target, maxSockets, kind === 'raw' ? 'socket' : 'node-http');
  }

  private async call(action: string, params: Record<string, string | number | boolean> = {}): Promise<string> {
    const res = await this.http.post(queryBody(action, params));
    if (res.status !== 200) {
      throw new ApiError(first(res.body, 'Code') ?? `HTTP${res.status}`, first(res.body, 'Message') ?? res.body.slice(0, 200), res.status);
    }
    return res.body;
  }

  async describeRegions(): Promise<void> {
    await this.call('DescribeRegions');
  }

  async createVpc(cidr: string): Promise<string> {
    return need(await this.call('CreateVpc', { CidrBlock: cidr }), 'vpcId');
  }

  async createSubnet(vpcId: string, cidr: string, zone: string): Promise<string> {
    return need(await this.call('CreateSubnet', { VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }), 'subnetId');
  }

  async availableIps(subnetId: string): Promise<number> {
    return Number(need(await this.call('DescribeSubnets', { 'SubnetId.1': subnetId }), 'availableIpAddressCount'));
  }

  async runInstance(instanceType: string, nics: NicSpec[]): Promise<{ instanceId: string; nics: LaunchedNic[] }> {
    // The SDK's member order for RunInstances: MaxCount, MinCount, ImageId, InstanceType, ClientToken, NetworkInterface.N.*
    const p: Record<string, string | number | boolean> = { MaxCount: 1, MinCount: 1, ImageId: 'ami-760aaa0f', InstanceType: instanceType, ClientToken: randomUUID() };
    nics.forEach((n, i) => {
      const k = `NetworkInterface.${i + 1}`;
      if (n.deleteOnTermination !== undefined) p[`${k}.DeleteOnTermination`] = n.deleteOnTermination;
      p[`${k}.DeviceIndex`] = n.deviceIndex;
      if (n.secondaryCount !== undefined) p[`${k}.SecondaryPrivateIpAddressCount`] = n.secondaryCount;
      p[`${k}.SubnetId`] = n.subnetId;
    });
    const body = await this.call('RunInstances', p);
    const inst = items(body, 'instancesSet')[0];
    if (!inst) throw new Error('RunInstances answered without an instance');
    // the instance's own <instanceId> sits outside its networkInterfaceSet (whose items carry none)
    return {
      instanceId: need(inst, 'instanceId'),
      nics: items(inst, 'networkInterfaceSet').map((n) => {
        const attachment = need(n, 'attachment');
        return {
          eniId: need(n, 'networkInterfaceId'),
          attachmentId: need(attachment, 'attachmentId'),
          deviceIndex: Number(need(attachment, 'deviceIndex')),
          deleteOnTermination: first(attachment, 'deleteOnTermination') === 'true',
          ips: items(n, 'privateIpAddressesSet').map((x) => need(x, 'privateIpAddress')),
        };
      }),
    };
  }

  async instanceStates(ids: string[]): Promise<Map<string, string>> {
    const p: Record<string, string> = { 'Filter.1.Name': 'instance-id' };
    ids.forEach((id, i) => (p[`Filter.1.Value.${i + 1}`] = id));
    const body = await this.call('DescribeInstances', p);
    const out = new Map<string, string>();
    // Each instance item holds one <instanceId> and one <instanceState><code/><name/></instanceState>.
    const instanceIds = all(body, 'instanceId');
    const states = all(body, 'instanceState').map((s) => first(s, 'name') ?? '');
    if (instanceIds.length !== states.length) throw new Error('DescribeInstances: ids and states do not pair up');
    instanceIds.forEach((id, i) => out.set(id, states[i]));
    return out;
  }

  async createNetworkInterface(subnetId: string, tags?: Tag[]): Promise<{ eniId: string; ip: string }> {
    const p: Record<string, string> = { SubnetId: subnetId };
    if (tags && tags.length > 0) {
      p['TagSpecification.1.ResourceType'] = 'network-interface';
      tags.forEach((t, i) => {
        p[`TagSpecification.1.Tag.${i + 1}.Key`] = t.key;
        p[`TagSpecification.1.Tag.${i + 1}.Value`] = t.value;
      });
    }
    p.ClientToken = randomUUID();
    const body = await this.call('CreateNetworkInterface', p);
    return { eniId: need(body, 'networkInterfaceId'), ip: need(body, 'privateIpAddress') };
  }

  async attach(eniId: string, instanceId: string, deviceIndex: number): Promise<string> {
    return need(await this.call('AttachNetworkInterface', { DeviceIndex: deviceIndex, InstanceId: instanceId, NetworkInterfaceId: eniId }), 'attachmentId');
  }

  async detach(attachmentId: string): Promise<void> {
    await this.call('DetachNetworkInterface', { AttachmentId: attachmentId });
  }

  async eniStatus(eniId: string): Promise<string | undefined> {
    try {
      const body = await this.call('DescribeNetworkInterfaces', { 'NetworkInterfaceId.1': eniId });
      const item = first(body, 'networkInterfaceSet') ?? '';
      // the interface's own <status> is the last one in the item (the attachment's comes first)
      const statuses = all(item, 'status');
      return statuses.length > 0 ? statuses[statuses.length - 1] : undefined;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'InvalidNetworkInterfaceID.NotFound') return undefined;
      throw e;
    }
  }

  async setDeleteOnTermination(eniId: string, attachmentId: string, value: boolean): Promise<void> {
    await this.call('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: eniId, 'Attachment.AttachmentId': attachmentId, 'Attachment.DeleteOnTermination': value });
  }

  async deleteNetworkInterface(eniId: string): Promise<void> {
    await this.call('DeleteNetworkInterface', { NetworkInterfaceId: eniId });
  }

  async terminate(instanceId: string): Promise<void> {
    await this.call('TerminateInstances', { 'InstanceId.1': instanceId });
  }

  async associateVpcIpv6(vpcId: string): Promise<string> {
    await this.call('AssociateVpcCidrBlock', { AmazonProvidedIpv6CidrBlock: true, VpcId: vpcId });
    return need(need(await this.call('DescribeVpcs', { 'VpcId.1': vpcId }), 'ipv6CidrBlockAssociationSet'), 'ipv6CidrBlock');
  }

  async associateSubnetIpv6(subnetId: string, cidr: string): Promise<void> {
    await this.call('AssociateSubnetCidrBlock', { Ipv6CidrBlock: cidr, SubnetId: subnetId });
  }

  async assignIpv6(eniId: string, addressCount: number, prefixCount: number): Promise<{ addresses: string[]; prefixes: string[] }> {
    const counts: Record<string, number> = {};
    if (addressCount > 0) counts.Ipv6AddressCount = addressCount;
    if (prefixCount > 0) counts.Ipv6PrefixCount = prefixCount;
    const body = await this.call('AssignIpv6Addresses', { ...counts, NetworkInterfaceId: eniId });
    const addresses = items(body, 'assignedIpv6Addresses').map((x) => x.trim());
    const prefixes = items(body, 'assignedIpv6PrefixSet').map((x) => x.trim());
    return { addresses, prefixes };
  }

  async describeNetworkInterfaces(q: EniQuery): Promise<EniPage> {
    const body = await this.call('DescribeNetworkInterfaces', filterParams(q));
    const ids = all(body, 'networkInterfaceId');
    const token = first(body, 'nextToken');
    return { count: ids.length, ids, nextToken: token ? token : undefined };
  }

  close(): void {
    this.http.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// sdk

/* eslint-disable @typescript-eslint/no-require-imports */
type Sdk = typeof import('@aws-sdk/client-ec2');

class SdkApi implements Ec2Api {
  readonly kind = 'sdk' as const;
  private readonly sdk: Sdk;
  private readonly client: InstanceType<Sdk['EC2Client']>;
  private readonly agent: http.Agent;

  constructor(target: HttpTarget, maxSockets: number) {
    // Loaded lazily: a devDependency, needed only with --client sdk.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // the bench states its node version itself
    this.sdk = require('@aws-sdk/client-ec2') as Sdk;
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
    this.client = new this.sdk.EC2Client({
      endpoint: target.endpoint,
      region: target.region,
      credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
      maxAttempts: 1,
      requestHandler: { httpAgent: this.agent },
    });
  }

  private async send<T>(command: object): Promise<T> {
    try {
      return (await this.client.send(command as never)) as T;
    } catch (e) {
      const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      if (err?.$metadata?.httpStatusCode) throw new ApiError(err.name ?? 'Error', err.message ?? '', err.$metadata.httpStatusCode);
      throw e;
    }
  }

  async describeRegions(): Promise<void> {
    await this.send(new this.sdk.DescribeRegionsCommand({}));
  }

  async createVpc(cidr: string): Promise<string> {
    const out = await this.send<{ Vpc?: { VpcId?: string } }>(new this.sdk.CreateVpcCommand({ CidrBlock: cidr }));
    return out.Vpc!.VpcId!;
  }

  async createSubnet(vpcId: string, cidr: string, zone: string): Promise<string> {
    const out = await this.send<{ Subnet?: { SubnetId?: string } }>(new this.sdk.CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }));
    return out.Subnet!.SubnetId!;
  }

  async availableIps(subnetId: string): Promise<number> {
    const out = await this.send<{ Subnets?: Array<{ AvailableIpAddressCount?: number }> }>(new this.sdk.DescribeSubnetsCommand({ SubnetIds: [subnetId] }));
    return out.Subnets![0].AvailableIpAddressCount!;
  }

  async runInstance(instanceType: string, nics: NicSpec[]): Promise<{ instanceId: string; nics: LaunchedNic[] }> {
    const out = await this.send<import('@aws-sdk/client-ec2').RunInstancesCommandOutput>(
      new this.sdk.RunInstancesCommand({
        ImageId: 'ami-760aaa0f',
        MinCount: 1,
        MaxCount: 1,
        InstanceType: instanceType as never,
        NetworkInterfaces: nics.map((n) => ({
          DeviceIndex: n.deviceIndex,
          SubnetId: n.subnetId,
          SecondaryPrivateIpAddressCount: n.secondaryCount,
          DeleteOnTermination: n.deleteOnTermination,
        })),
      }),
    );
    const inst = out.Instances![0];
    return {
      instanceId: inst.InstanceId!,
      nics: (inst.NetworkInterfaces ?? []).map((n) => ({
        eniId: n.NetworkInterfaceId!,
        attachmentId: n.Attachment!.AttachmentId!,
        deviceIndex: n.Attachment!.DeviceIndex!,
        deleteOnTermination: n.Attachment!.DeleteOnTermination === true,
        ips: (n.PrivateIpAddresses ?? []).map((x) => x.PrivateIpAddress!),
      })),
    };
  }

  async instanceStates(ids: string[]): Promise<Map<string, string>> {
    const out = await this.send<import('@aws-sdk/client-ec2').DescribeInstancesCommandOutput>(
      new this.sdk.DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: ids }] }),
    );
    const m = new Map<string, string>();
    for (const r of out.Reservations ?? []) for (const i of r.Instances ?? []) m.set(i.InstanceId!, i.State?.Name ?? '');
    return m;
  }

  async createNetworkInterface(subnetId: string, tags?: Tag[]): Promise<{ eniId: string; ip: string }> {
    const out = await this.send<import('@aws-sdk/client-ec2').CreateNetworkInterfaceCommandOutput>(
      new this.sdk.CreateNetworkInterfaceCommand({
        SubnetId: subnetId,
        TagSpecifications: tags && tags.length > 0 ? [{ ResourceType: 'network-interface', Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }] : undefined,
      }),
    );
    return { eniId: out.NetworkInterface!.NetworkInterfaceId!, ip: out.NetworkInterface!.PrivateIpAddress! };
  }

  async attach(eniId: string, instanceId: string, deviceIndex: number): Promise<string> {
    const out = await this.send<{ AttachmentId?: string }>(
      new this.sdk.AttachNetworkInterfaceCommand({ NetworkInterfaceId: eniId, InstanceId: instanceId, DeviceIndex: deviceIndex }),
    );
    return out.AttachmentId!;
  }

  async detach(attachmentId: string): Promise<void> {
    await this.send(new this.sdk.DetachNetworkInterfaceCommand({ AttachmentId: attachmentId }));
  }

  async eniStatus(eniId: string): Promise<string | undefined> {
    try {
      const out = await this.send<import('@aws-sdk/client-ec2').DescribeNetworkInterfacesCommandOutput>(
        new this.sdk.DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }),
      );
      return out.NetworkInterfaces?.[0]?.Status;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'InvalidNetworkInterfaceID.NotFound') return undefined;
      throw e;
    }
  }

  async setDeleteOnTermination(eniId: string, attachmentId: string, value: boolean): Promise<void> {
    await this.send(
      new this.sdk.ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Attachment: { AttachmentId: attachmentId, DeleteOnTermination: value } }),
    );
  }

  async deleteNetworkInterface(eniId: string): Promise<void> {
    await this.send(new this.sdk.DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId }));
  }

  async terminate(instanceId: string): Promise<void> {
    await this.send(new this.sdk.TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  }

  async associateVpcIpv6(vpcId: string): Promise<string> {
    await this.send(new this.sdk.AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }));
    const out = await this.send<import('@aws-sdk/client-ec2').DescribeVpcsCommandOutput>(new this.sdk.DescribeVpcsCommand({ VpcIds: [vpcId] }));
    return out.Vpcs![0].Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!;
  }

  async associateSubnetIpv6(subnetId: string, cidr: string): Promise<void> {
    await this.send(new this.sdk.AssociateSubnetCidrBlockCommand({ SubnetId: subnetId, Ipv6CidrBlock: cidr }));
  }

  async assignIpv6(eniId: string, addressCount: number, prefixCount: number): Promise<{ addresses: string[]; prefixes: string[] }> {
    const out = await this.send<import('@aws-sdk/client-ec2').AssignIpv6AddressesCommandOutput>(
      new this.sdk.AssignIpv6AddressesCommand({
        NetworkInterfaceId: eniId,
        Ipv6AddressCount: addressCount > 0 ? addressCount : undefined,
        Ipv6PrefixCount: prefixCount > 0 ? prefixCount : undefined,
      }),
    );
    return { addresses: out.AssignedIpv6Addresses ?? [], prefixes: out.AssignedIpv6Prefixes ?? [] };
  }

  async describeNetworkInterfaces(q: EniQuery): Promise<EniPage> {
    const out = await this.send<import('@aws-sdk/client-ec2').DescribeNetworkInterfacesCommandOutput>(
      new this.sdk.DescribeNetworkInterfacesCommand({
        NetworkInterfaceIds: q.ids,
        Filters: q.filters?.map((f) => ({ Name: f.name, Values: f.values })),
        MaxResults: q.maxResults,
        NextToken: q.nextToken,
      }),
    );
    const ids = (out.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId!);
    return { count: ids.length, ids, nextToken: out.NextToken || undefined };
  }

  close(): void {
    this.client.destroy();
    this.agent.destroy();
  }
}

export function makeApi(kind: ClientKind, target: HttpTarget, maxSockets: number): Ec2Api {
  return kind === 'sdk' ? new SdkApi(target, maxSockets) : new RawApi(target, maxSockets, kind);
}
