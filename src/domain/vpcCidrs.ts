/**
 * A VPC's CIDR blocks beyond its primary IPv4 one: secondary IPv4 blocks (AWS's restrictions by the primary's
 * range, /16../28, no overlap, five IPv4 blocks in all) and one Amazon-provided IPv6 /56 from a deterministic
 * per-account-and-region pool. Every block gets a `local` route in each of the VPC's route tables.
 * See docs/behavior.md "VPC CIDR blocks".
 */
import type { RequestContext } from '../core/context';
import { CidrErrors, VpcErrors } from '../errors';
import type { VpcCidrBlockRow, VpcRow } from '../store/rows';
import { Cidr, contains, overlaps, parseCidr } from './cidr';
import { Cidr6, formatCidr6, parseCidr6 } from './cidr6';
import { addIpv6Entries } from './networkAcls';

type Ctx = Pick<RequestContext, 'store' | 'ids' | 'scope'>;

/** AWS's default quota: five IPv4 CIDR blocks per VPC (the primary included), one Amazon IPv6 block here. */
const MAX_IPV4_BLOCKS = 5;
const MAX_IPV6_BLOCKS = 1;

export interface Ipv4Block {
  associationId: string;
  cidr: Cidr;
  primary: boolean;
}

/** Every IPv4 block of the VPC, the primary first. */
export function ipv4Blocks(ctx: Pick<RequestContext, 'store'>, vpc: VpcRow): Ipv4Block[] {
  const primary = { associationId: vpc.cidr_association_id, cidr: parseCidr(vpc.cidr)!, primary: true };
  const rest = ctx.store.vpcCidrBlocks.ofVpc(vpc.id, 4).map((b) => ({ associationId: b.id, cidr: parseCidr(b.cidr)!, primary: false }));
  return [primary, ...rest];
}

/** The VPC's IPv6 blocks (at most one). */
export function ipv6Blocks(ctx: Pick<RequestContext, 'store'>, vpcId: string): Array<VpcCidrBlockRow & { parsed: Cidr6 }> {
  return ctx.store.vpcCidrBlocks.ofVpc(vpcId, 6).map((b) => ({ ...b, parsed: parseCidr6(b.cidr)! }));
}

// ---- the IPv6 pool --------------------------------------------------------------------------------------------

/** FNV-1a, so the pool of an account and region is the same on every run and every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The scope's pool: 2600:1fRR:AA00::/40, RR from the region and AA from the account (AWS hands out VPC /56s
 * from 2600:1f00::/24). The n-th /56 of the pool is 2600:1fRR:AAnn:nn00::/56.
 */
function poolBlock(scope: { account: string; region: string }, index: number): Cidr6 {
  const rr = BigInt(hash(scope.region) & 0xff);
  const aa = BigInt(hash(scope.account) & 0xff);
  const base = (0x2600n << 112n) | ((0x1f00n | rr) << 96n) | (aa << 88n) | (BigInt(index) << 72n);
  return { base, prefix: 56 };
}

const POOL_SIZE = 1 << 16;

function lowestFreePoolIndex(ctx: Ctx): number {
  let expected = 0;
  for (const n of ctx.store.vpcCidrBlocks.usedPoolIndexes(ctx.scope)) {
    if (n > expected) break;
    expected = n + 1;
  }
  if (expected >= POOL_SIZE) throw CidrErrors.limit('ipv6-pool', POOL_SIZE); // never reached in practice
  return expected;
}

// ---- local routes ---------------------------------------------------------------------------------------------

/** The `local` route of one of the VPC's blocks in a table: always active, never deletable (origin CreateRouteTable). */
export function insertLocalRoute(d: Pick<RequestContext, 'store'>, tableId: string, destination: string): void {
  d.store.routeTables.insertGatewayRoute({ route_table_id: tableId, destination_cidr: destination, gateway_id: 'local', origin: 'CreateRouteTable', state: 'active' });
}

/** The `local` route of a new block in every route table of the VPC. */
function addLocalRoutes(ctx: Ctx, vpcId: string, destination: string): void {
  for (const table of ctx.store.routeTables.inVpc(vpcId)) {
    if (!ctx.store.routeTables.route(table.id, destination)) insertLocalRoute(ctx, table.id, destination);
  }
}

function removeLocalRoutes(ctx: Ctx, vpcId: string, destination: string): void {
  for (const table of ctx.store.routeTables.inVpc(vpcId)) {
    const route = ctx.store.routeTables.route(table.id, destination);
    if (route && route.origin === 'CreateRouteTable') ctx.store.routeTables.deleteRoute(route.seq);
  }
}

/** Destinations of the local routes a new route table needs beyond the primary block's. */
export function secondaryLocalDestinations(ctx: Pick<RequestContext, 'store'>, vpcId: string): string[] {
  return [...ctx.store.vpcCidrBlocks.ofVpc(vpcId, 4), ...ctx.store.vpcCidrBlocks.ofVpc(vpcId, 6)].map((b) => b.cidr);
}

// ---- association ----------------------------------------------------------------------------------------------

/** Which range a block lies in, for AWS's association restrictions. */
type Range = 'rfc1918-10' | 'rfc1918-172' | 'rfc1918-192' | '198.19' | 'public';
const RANGES: Array<[Range, Cidr]> = [
  ['rfc1918-10', parseCidr('10.0.0.0/8')!],
  ['rfc1918-172', parseCidr('172.16.0.0/12')!],
  ['rfc1918-192', parseCidr('192.168.0.0/16')!],
  ['198.19', parseCidr('198.19.0.0/16')!],
];
const rangeOf = (c: Cidr): Range => RANGES.find(([, r]) => contains(r, c))?.[0] ?? 'public';
const DEFAULT_VPC_RANGE = parseCidr('172.31.0.0/16')!;

/**
 * AWS's "IPv4 CIDR block association restrictions" (Amazon VPC User Guide, "VPC CIDR blocks"), by the range the
 * primary block lies in: a private primary allows more of its own RFC 1918 range (172.16/12 minus 172.31/16), any
 * publicly routable block and 100.64/10; a public (or 100.64/10) primary allows only publicly routable blocks and
 * 100.64/10; 198.19/16 is never allowed beside a private or public primary.
 */
function restricted(primary: Cidr, block: Cidr): boolean {
  const p = rangeOf(primary);
  const b = rangeOf(block);
  if (b === 'public') return false;
  if (b === '198.19') return p !== '198.19';
  if (p === 'public' || p === '198.19') return true; // an RFC 1918 block beside a public or 198.19 primary
  if (b !== p) return true; // another RFC 1918 range
  return p === 'rfc1918-172' && overlaps(block, DEFAULT_VPC_RANGE);
}

export function associateIpv4Block(ctx: Ctx, vpc: VpcRow, text: string): VpcCidrBlockRow {
  const cidr = parseCidr(text);
  if (!cidr) throw VpcErrors.invalidCidr('cidrBlock', text);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw VpcErrors.vpcRange(text);
  const blocks = ipv4Blocks(ctx, vpc);
  if (restricted(blocks[0].cidr, cidr)) throw CidrErrors.restricted(text);
  if (blocks.some((b) => overlaps(b.cidr, cidr))) throw CidrErrors.overlapsVpc(text, vpc.id);
  if (blocks.length >= MAX_IPV4_BLOCKS) throw CidrErrors.limit(vpc.id, MAX_IPV4_BLOCKS);
  const id = ctx.ids.id('vpc-cidr-assoc');
  ctx.store.vpcCidrBlocks.insert({
    id,
    vpc_id: vpc.id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    family: 4,
    cidr: cidr.text,
    cidr_base: cidr.base,
    cidr_size: cidr.size,
  });
  addLocalRoutes(ctx, vpc.id, cidr.text);
  return ctx.store.vpcCidrBlocks.get(ctx.scope, id)!;
}

/**
 * The `::/0` all-traffic egress rule AWS gives security groups made in a VPC that has an IPv6 block: the default
 * group of a VPC created with one, and every group created while the VPC has one (docs/decisions.md "IPv6 egress
 * rule").
 */
export function addIpv6EgressRule(ctx: Ctx, groupId: string): void {
  const { account, region } = ctx.scope;
  ctx.store.securityGroups.rules.insert({ id: ctx.ids.id('sgr'), group_id: groupId, account, region, is_egress: 1, ip_protocol: '-1', cidr_ipv6: '::/0' });
}

export const hasIpv6Block = (ctx: Pick<RequestContext, 'store'>, vpcId: string): boolean => ctx.store.vpcCidrBlocks.ofVpc(vpcId, 6).length > 0;

/** The next free /56 of the scope's pool; `withDefaultGroupRule` (CreateVpc) also gives the default group its `::/0` egress rule. */
export function associateAmazonIpv6Block(ctx: Ctx, vpc: VpcRow, withDefaultGroupRule = false): VpcCidrBlockRow {
  if (ctx.store.vpcCidrBlocks.ofVpc(vpc.id, 6).length >= MAX_IPV6_BLOCKS) throw CidrErrors.limit(vpc.id, MAX_IPV6_BLOCKS);
  const first = ctx.store.vpcCidrBlocks.ofVpc(vpc.id, 6).length === 0;
  const index = lowestFreePoolIndex(ctx);
  const text = formatCidr6(poolBlock(ctx.scope, index));
  const id = ctx.ids.id('vpc-cidr-assoc');
  ctx.store.vpcCidrBlocks.insert({
    id,
    vpc_id: vpc.id,
    account: ctx.scope.account,
    region: ctx.scope.region,
    family: 6,
    cidr: text,
    pool_index: index,
    ipv6_pool: 'Amazon',
    network_border_group: ctx.scope.region,
  });
  addLocalRoutes(ctx, vpc.id, text);
  if (first) addIpv6Entries(ctx, vpc.id);
  const defaultGroup = withDefaultGroupRule ? ctx.store.securityGroups.byName(vpc.id, 'default') : undefined;
  if (defaultGroup) addIpv6EgressRule(ctx, defaultGroup.id);
  return ctx.store.vpcCidrBlocks.get(ctx.scope, id)!;
}

export interface Disassociated {
  vpcId: string;
  block: VpcCidrBlockRow;
}

/**
 * The primary block never goes; a secondary IPv4 block only while no subnet lies in it, the IPv6 block only while
 * no subnet holds a /64 of it. Its local routes go with it.
 */
export function disassociateVpcBlock(ctx: Ctx, associationId: string): Disassociated {
  const block = ctx.store.vpcCidrBlocks.get(ctx.scope, associationId);
  if (!block) {
    const primary = ctx.store.vpcs.where(ctx.scope, 'cidr_association_id', associationId)[0];
    if (primary) throw CidrErrors.primary(associationId);
    throw CidrErrors.vpcAssociationNotFound(associationId);
  }
  const inUse =
    block.family === 4
      ? ctx.store.vpcCidrBlocks.subnetsWithin(block.vpc_id, block.cidr_base!, block.cidr_size!).length > 0
      : ctx.store.vpcCidrBlocks.ipv6SubnetCount(block.vpc_id) > 0;
  if (inUse) throw CidrErrors.inUse(associationId);
  removeLocalRoutes(ctx, block.vpc_id, block.cidr);
  ctx.store.vpcCidrBlocks.delete(block.id);
  return { vpcId: block.vpc_id, block };
}

interface BlockRequest {
  CidrBlock?: string;
  AmazonProvidedIpv6CidrBlock?: boolean;
  Ipv6CidrBlock?: string;
  Ipv6Pool?: string;
  Ipv4IpamPoolId?: string;
  Ipv6IpamPoolId?: string;
}

/**
 * AssociateVpcCidrBlock (and CreateVpc's IPv6 part): exactly one kind of block per call. ec2lite has no BYOIP or
 * IPAM pools, so an `Ipv6Pool` is unknown and IPAM pools are refused.
 */
export function associateVpcBlock(ctx: Ctx, vpc: VpcRow, req: BlockRequest): VpcCidrBlockRow {
  const kinds = [req.CidrBlock, req.AmazonProvidedIpv6CidrBlock ? true : undefined, req.Ipv6CidrBlock ?? req.Ipv6Pool, req.Ipv4IpamPoolId, req.Ipv6IpamPoolId];
  const given = kinds.filter((k) => k !== undefined).length;
  if (given === 0) throw CidrErrors.blockRequired();
  if (given > 1) throw CidrErrors.oneBlock();
  if (req.Ipv4IpamPoolId !== undefined || req.Ipv6IpamPoolId !== undefined) throw CidrErrors.ipamUnsupported();
  checkByoipRequest(req);
  if (req.CidrBlock !== undefined) return associateIpv4Block(ctx, vpc, req.CidrBlock);
  return associateAmazonIpv6Block(ctx, vpc);
}

/** A BYOIP IPv6 request (`Ipv6CidrBlock` from an `Ipv6Pool`): no such pools exist here. */
export function checkByoipRequest(req: Pick<BlockRequest, 'Ipv6CidrBlock' | 'Ipv6Pool'>): void {
  if (req.Ipv6Pool !== undefined) throw CidrErrors.poolNotFound(req.Ipv6Pool);
  if (req.Ipv6CidrBlock !== undefined) throw CidrErrors.poolRequired();
}
