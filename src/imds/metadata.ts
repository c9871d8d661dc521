/**
 * The metadata tree of one instance (docs/behavior.md "IMDS content"), built from the stored state on every
 * request, so it always agrees with DescribeInstances / DescribeNetworkInterfaces and follows hot attach and
 * detach at once. `network/interfaces/macs/<mac>/` lists every ENI linked to the instance (attaching, attached or
 * detaching). A key with no value (public-ipv4 without a public address, tags while InstanceMetadataTags is
 * disabled, user-data when there is none) is absent: not listed, 404 when asked for. MACs are lower case.
 * `<mac>/network-card` exists only on types with several network cards (AWS answers 404 on the others), and
 * there `device-number` is unique per card only.
 */
import { createHash } from 'node:crypto';
import { profileName } from '../domain/iamInstanceProfiles';
import { networkCardCount } from '../domain/instanceTypes';
import { privateDnsName, publicDnsName, zoneByName } from '../domain/regions';
import type { Store } from '../store';
import { BroadcastQueries } from '../store/broadcastQueries';
import type { IamProfileAssociationRow, InstanceRow, SubnetRow, VpcCidrBlockRow, VpcRow } from '../store/rows';
import { InstanceRecord, loadInstanceRecords, primaryInterface } from '../views/instance';
import type { InterfaceRecord } from '../views/networkInterface';

/** A directory: children in listing order; undefined children do not exist. */
interface Dir {
  readonly [name: string]: MetadataNode | undefined;
}

/** A directory whose listing text is not the plain child list (`public-keys/` lists "0=key-name"). */
class CustomListing {
  constructor(
    readonly text: string,
    readonly children: Dir,
  ) {}
}

type MetadataNode = string | Buffer | Dir | CustomListing;

export function isDirectory(node: MetadataNode): node is Dir | CustomListing {
  return typeof node === 'object' && !Buffer.isBuffer(node);
}

function childrenOf(node: Dir | CustomListing): Dir {
  return node instanceof CustomListing ? node.children : node;
}

/** Listing text: one child per line, sub-directories with a trailing `/`, no trailing newline. */
export function listing(node: Dir | CustomListing): string {
  if (node instanceof CustomListing) return node.text;
  return Object.entries(node)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (isDirectory(v!) ? `${k}/` : k))
    .join('\n');
}

/** Follows path segments from a node; undefined when any step is missing or a leaf has children asked of it. */
export function lookup(root: MetadataNode, segments: readonly string[]): MetadataNode | undefined {
  let node: MetadataNode | undefined = root;
  for (const seg of segments) {
    if (node === undefined || !isDirectory(node)) return undefined;
    const children = childrenOf(node);
    node = Object.prototype.hasOwnProperty.call(children, seg) ? children[seg] : undefined;
  }
  return node;
}

interface InstanceContext {
  row: InstanceRow;
  record: InstanceRecord;
  subnets: Map<string, SubnetRow>;
  vpcs: Map<string, VpcRow>;
  /** The VPCs' secondary IPv4 and IPv6 blocks. */
  vpcBlocks: Map<string, VpcCidrBlockRow[]>;
  publicKey?: { name: string; material: string | null };
  /** The associated IAM instance profile (not while associating or disassociating). */
  profile?: IamProfileAssociationRow;
  now: number;
}

/** Loads what the tree needs about an instance, whatever its account and region. */
export function loadInstanceContext(store: Store, instanceId: string, now: number): InstanceContext | undefined {
  const q = new BroadcastQueries(store.db);
  const row = store.instances.anyScope(instanceId);
  if (!row) return undefined;
  const scope = { account: row.account, region: row.region };
  const [record] = loadInstanceRecords({ store, scope }, [row]);
  const subnetIds = [...new Set(record.interfaces.map((i) => i.row.subnet_id))];
  const subnets = new Map(q.subnets(subnetIds).map((s) => [s.id, s]));
  const vpcIds = [...new Set(record.interfaces.map((i) => i.row.vpc_id))];
  const vpcs = new Map(q.vpcs(vpcIds).map((v) => [v.id, v]));
  const vpcBlocks = store.vpcCidrBlocks.ofVpcs(vpcIds);
  const key = row.key_name ? store.keyPairs.byName(scope, row.key_name) : undefined;
  const profile = (store.iamProfiles.ofInstances([row.id]).get(row.id) ?? []).find((a) => a.state === 'associated');
  return {
    row,
    record,
    subnets,
    vpcs,
    vpcBlocks,
    publicKey: row.key_name ? { name: row.key_name, material: key?.public_key ?? null } : undefined,
    profile,
    now,
  };
}

const lines = (values: readonly string[]) => values.join('\n');

/**
 * `block-device-mapping/`: ami and root name the root device; `ebsN` (from 1) each other EBS volume, by its device
 * name without `/dev/` as AWS shows it, in attach order.
 */
function blockDeviceMapping(row: InstanceRow, record: InstanceRecord): Dir {
  const others = record.volumes.filter((v) => v.device !== row.root_device_name && v.status !== 'detaching');
  const ebs = others.map((v, i) => [`ebs${i + 1}`, v.device.replace(/^\/dev\//, '')] as const);
  return { ami: row.root_device_name, root: row.root_device_name, ...Object.fromEntries(ebs) };
}

/** Public addresses of an interface, the primary private address's first. */
function publicAddresses(eni: InterfaceRecord): Array<{ publicIp: string; privateIp: string }> {
  return [...eni.addresses]
    .filter((a) => a.private_ip !== null)
    .sort((a, b) => Number(b.private_ip === eni.row.private_ip) - Number(a.private_ip === eni.row.private_ip))
    .map((a) => ({ publicIp: a.public_ip, privateIp: a.private_ip as string }));
}

function interfaceDir(ctx: InstanceContext, eni: InterfaceRecord): Dir {
  const { row, attachment } = eni;
  const region = row.region;
  const subnet = ctx.subnets.get(row.subnet_id);
  const vpc = ctx.vpcs.get(row.vpc_id);
  const publics = publicAddresses(eni);
  const hasPublic = publics.length > 0;
  const multiCard = networkCardCount(ctx.row.instance_type) > 1;
  const blocks = ctx.vpcBlocks.get(row.vpc_id) ?? [];
  const vpcIpv6 = blocks.filter((b) => b.family === 6).map((b) => b.cidr);
  return {
    'device-number': String(attachment?.device_index ?? 0),
    'interface-id': row.id,
    'ipv4-associations': hasPublic ? Object.fromEntries(publics.map((p) => [p.publicIp, p.privateIp])) : undefined,
    'ipv4-prefix': eni.ipv4Prefixes.length > 0 ? lines(eni.ipv4Prefixes.map((p) => p.prefix)) : undefined,
    'ipv6-prefix': eni.ipv6Prefixes.length > 0 ? lines(eni.ipv6Prefixes.map((p) => p.prefix)) : undefined,
    ipv6s: eni.ipv6.length > 0 ? lines(eni.ipv6.map((a) => a.address)) : undefined,
    'local-hostname': privateDnsName(region, row.private_ip),
    'local-ipv4s': lines(eni.ips.map((ip) => ip.ip)),
    mac: row.mac_address,
    'network-card': multiCard ? String(attachment?.network_card_index ?? 0) : undefined,
    'owner-id': row.account,
    'public-hostname': hasPublic ? publicDnsName(region, publics[0].publicIp) : undefined,
    'public-ipv4s': hasPublic ? lines(publics.map((p) => p.publicIp)) : undefined,
    'security-group-ids': lines(eni.groups.map((g) => g.group_id)),
    'security-groups': lines(eni.groups.map((g) => g.name)),
    'subnet-id': row.subnet_id,
    'subnet-ipv4-cidr-block': subnet?.cidr || undefined,
    'subnet-ipv6-cidr-blocks': subnet?.ipv6_cidr ?? undefined,
    'vpc-id': row.vpc_id,
    'vpc-ipv4-cidr-block': vpc?.cidr,
    'vpc-ipv4-cidr-blocks': vpc && lines([vpc.cidr, ...blocks.filter((b) => b.family === 4).map((b) => b.cidr)]),
    'vpc-ipv6-cidr-blocks': vpcIpv6.length > 0 ? lines(vpcIpv6) : undefined,
  };
}

/** AWS's instance identity document: two-space indent and " : " between key and value. */
function identityDocument(ctx: InstanceContext): string {
  const { row } = ctx;
  const primary = primaryInterface(ctx.record);
  const doc = {
    accountId: row.account,
    architecture: row.architecture,
    availabilityZone: row.availability_zone,
    billingProducts: null,
    devpayProductCodes: null,
    marketplaceProductCodes: null,
    imageId: row.image_id,
    instanceId: row.id,
    instanceType: row.instance_type,
    kernelId: null,
    pendingTime: new Date(row.launch_time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    privateIp: primary?.row.private_ip ?? null,
    ramdiskId: null,
    region: row.region,
    version: '2017-09-30',
  };
  return JSON.stringify(doc, null, 2).replace(/^(\s*"[^"]+"): /gm, '$1 : ');
}

const CREDENTIAL_LIFETIME_MS = 6 * 3600_000;

/**
 * `iam/`: the profile and temporary credentials for the role, named after the profile (ec2lite has no IAM).
 * The credentials are fake but well-formed, stable for a six-hour window and then renewed, as EC2 rotates them.
 */
function iamDir(ctx: InstanceContext): Dir | undefined {
  const p = ctx.profile;
  if (!p) return undefined;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const window = Math.floor(ctx.now / CREDENTIAL_LIFETIME_MS);
  const issued = Math.max(window * CREDENTIAL_LIFETIME_MS, p.created_at);
  const seed = createHash('sha256').update(`${p.id}/${window}`).digest();
  const upper = (from: number, n: number) => [...seed.subarray(from, from + n)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
  const credentials = {
    Code: 'Success',
    LastUpdated: iso(issued),
    Type: 'AWS-HMAC',
    AccessKeyId: `ASIA${upper(0, 16)}`,
    SecretAccessKey: createHash('sha256').update(seed).update('secret').digest('base64').slice(0, 40),
    Token: createHash('sha512').update(seed).update('token').digest('base64').repeat(4),
    Expiration: iso((window + 1) * CREDENTIAL_LIFETIME_MS),
  };
  const info = { Code: 'Success', LastUpdated: iso(p.created_at), InstanceProfileArn: p.profile_arn, InstanceProfileId: p.profile_id };
  return {
    info: JSON.stringify(info, null, 2),
    'security-credentials': { [profileName(p.profile_arn)]: JSON.stringify(credentials, null, 2) },
  };
}

/** user-data as the instance sees it: decoded from the base64 the API stores. */
function userData(row: InstanceRow): Buffer | undefined {
  if (!row.user_data) return undefined;
  return Buffer.from(row.user_data, 'base64');
}

/** The whole tree under /latest/. */
export function metadataTree(ctx: InstanceContext): CustomListing {
  const { row, record } = ctx;
  const region = row.region;
  const primary = primaryInterface(record);
  const primaryPublic = primary ? publicAddresses(primary).find((p) => p.privateIp === primary.row.private_ip) : undefined;
  const localHostname = primary ? privateDnsName(region, primary.row.private_ip) : undefined;
  const macs: Record<string, Dir> = {};
  for (const eni of record.interfaces) macs[eni.row.mac_address] = interfaceDir(ctx, eni);
  const tagsEnabled = row.instance_metadata_tags === 'enabled';
  const tags: Record<string, string> = {};
  for (const t of record.tags) if (t.Key && !t.Key.includes('/')) tags[t.Key] = t.Value ?? '';

  const metaData: Dir = {
    'ami-id': row.image_id,
    'ami-launch-index': String(row.ami_launch_index),
    'ami-manifest-path': '(unknown)',
    'block-device-mapping': blockDeviceMapping(row, record),
    hostname: localHostname,
    iam: iamDir(ctx),
    'instance-action': 'none',
    'instance-id': row.id,
    'instance-life-cycle': 'on-demand',
    'instance-type': row.instance_type,
    'local-hostname': localHostname,
    'local-ipv4': primary?.row.private_ip,
    mac: primary?.row.mac_address,
    network: { interfaces: { macs } },
    placement: {
      'availability-zone': row.availability_zone,
      'availability-zone-id': zoneByName(region, row.availability_zone)?.id,
      region,
    },
    profile: 'default-hvm',
    'public-hostname': primaryPublic ? publicDnsName(region, primaryPublic.publicIp) : undefined,
    'public-ipv4': primaryPublic?.publicIp,
    'public-keys':
      ctx.publicKey && ctx.publicKey.material
        ? new CustomListing(`0=${ctx.publicKey.name}`, { '0': { 'openssh-key': ctx.publicKey.material } })
        : undefined,
    'reservation-id': row.reservation_id,
    'security-groups': primary ? lines(primary.groups.map((g) => g.name)) : undefined,
    services: { domain: 'amazonaws.com', partition: 'aws' },
    tags: tagsEnabled ? { instance: tags } : undefined,
  };
  const data = userData(row);
  const latest: Dir = {
    dynamic: { 'instance-identity': { document: identityDocument(ctx) } },
    'meta-data': metaData,
    'user-data': data,
  };
  // /latest/ lists its children without trailing slashes, as AWS does.
  const text = Object.entries(latest)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .join('\n');
  return new CustomListing(text, latest);
}
