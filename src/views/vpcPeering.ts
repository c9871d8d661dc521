/** VPC peering connections as the API shows them to either side (docs/behavior.md "VPC peering"). */
import type { RequestContext } from '../core/context';
import type { Tag, VpcPeeringConnection, VpcPeeringConnectionStateReasonCode, VpcPeeringConnectionVpcInfo } from '../protocol/model/types.generated';
import type { VpcPeeringRow } from '../store/rows';

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;

/**
 * One side's VPC. Its blocks are read live (AWS shows blocks associated later), falling back to the copy taken at
 * creation once the VPC is gone. AWS shows the accepter's blocks and both sides' options only once active.
 */
function vpcInfo(
  ctx: LoadContext,
  side: { account: string; region: string; vpcId: string; cidr: string | null; allowDns: number },
  full: boolean,
  active: boolean,
): VpcPeeringConnectionVpcInfo {
  const base = { OwnerId: side.account, VpcId: side.vpcId, Region: side.region };
  if (!full) return base;
  const vpc = ctx.store.vpcs.get({ account: side.account, region: side.region }, side.vpcId);
  const v4 = vpc ? [vpc.cidr, ...ctx.store.vpcCidrBlocks.ofVpc(vpc.id, 4).map((b) => b.cidr)] : side.cidr ? [side.cidr] : [];
  const v6 = vpc ? ctx.store.vpcCidrBlocks.ofVpc(vpc.id, 6).map((b) => b.cidr) : [];
  return {
    ...base,
    CidrBlock: v4[0],
    CidrBlockSet: v4.map((c) => ({ CidrBlock: c })),
    Ipv6CidrBlockSet: v6.length > 0 ? v6.map((c) => ({ Ipv6CidrBlock: c })) : undefined,
    PeeringOptions: active
      ? { AllowDnsResolutionFromRemoteVpc: side.allowDns === 1, AllowEgressFromLocalClassicLinkToRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: false }
      : undefined,
  };
}

function present(ctx: LoadContext, p: VpcPeeringRow, tags: Tag[]): VpcPeeringConnection {
  const active = p.status_code === 'active';
  return {
    VpcPeeringConnectionId: p.id,
    RequesterVpcInfo: vpcInfo(
      ctx,
      { account: p.account, region: p.region, vpcId: p.requester_vpc_id, cidr: p.requester_cidr, allowDns: p.requester_allow_dns },
      true,
      active,
    ),
    AccepterVpcInfo: vpcInfo(
      ctx,
      { account: p.accepter_account, region: p.accepter_region, vpcId: p.accepter_vpc_id, cidr: p.accepter_cidr, allowDns: p.accepter_allow_dns },
      active,
      active,
    ),
    Status: { Code: p.status_code as VpcPeeringConnectionStateReasonCode, Message: p.status_message },
    ExpirationTime: p.expiration_time !== null ? new Date(p.expiration_time) : undefined,
    Tags: tags,
  };
}

/** Connections with their tags (one query) and both VPCs. */
export function presentVpcPeerings(ctx: LoadContext, rows: readonly VpcPeeringRow[]): VpcPeeringConnection[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => present(ctx, r, tags.get(r.id) ?? []));
}
