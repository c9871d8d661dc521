/** VPC endpoints as the API shows them (docs/behavior.md "VPC endpoints"). */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../core/context';
import type { DnsEntry, State, Tag, VpcEndpoint } from '../protocol/model/types.generated';
import type { VpcEndpointLinkRow, VpcEndpointRow } from '../store/rows';
import { endpointService } from '../domain/endpointServices';
import { PRIVATE_LINK_PREFIX, verifiedPrivateDnsName } from '../domain/vpcEndpointServices';

type LoadContext = Pick<RequestContext, 'store' | 'scope'>;

/** The Route 53 zone AWS serves vpce DNS names from (a fixed value per region; nothing resolves it here). */
const hostedZone = (region: string) => `Z${createHash('sha256').update(`vpce/${region}`).digest('hex').slice(0, 12).toUpperCase()}`;

/** Regional and per-zone names, as AWS gives an interface endpoint: vpce-<id>-<suffix>[-<zone>].<svc>.<region>.vpce.amazonaws.com */
function dnsEntries(e: VpcEndpointRow, zones: readonly string[], privateLinkDns: Map<string, string | undefined>): DnsEntry[] {
  if (e.endpoint_type !== 'Interface' || e.state === 'deleted') return [];
  // com.amazonaws.<region>.<svc>, or a PrivateLink service's com.amazonaws.vpce.<region>.vpce-svc-<id>
  const privateLink = e.service_name.startsWith(PRIVATE_LINK_PREFIX);
  const short = privateLink ? e.service_name.split('.').slice(4).join('.') : e.service_name.split('.').slice(3).join('.');
  const suffix = createHash('sha256').update(e.id).digest('hex').slice(0, 8);
  const domain = `${short}.${e.region}.vpce.amazonaws.com`;
  const zone = hostedZone(e.region);
  const entries: DnsEntry[] = [{ DnsName: `${e.id}-${suffix}.${domain}`, HostedZoneId: zone }];
  for (const z of zones) entries.push({ DnsName: `${e.id}-${suffix}-${z}.${domain}`, HostedZoneId: zone });
  const privateName =
    e.private_dns_enabled !== 1 ? undefined : privateLink ? privateLinkDns.get(e.service_name) : endpointService(e.region, e.service_name, 'Interface')?.privateDnsName;
  if (privateName) entries.push({ DnsName: privateName, HostedZoneId: `Z${createHash('sha256').update(privateName).digest('hex').slice(0, 12).toUpperCase()}` });
  return entries;
}

function present(
  e: VpcEndpointRow,
  links: readonly VpcEndpointLinkRow[],
  groupNames: Map<string, string>,
  zonesOf: Map<string, string>,
  tags: Tag[],
  privateLinkDns: Map<string, string | undefined>,
): VpcEndpoint {
  const of = (kind: VpcEndpointLinkRow['kind']) => links.filter((l) => l.kind === kind);
  const iface = e.endpoint_type === 'Interface';
  const subnets = of('subnet');
  return {
    VpcEndpointId: e.id,
    VpcEndpointType: e.endpoint_type as 'Gateway',
    VpcId: e.vpc_id,
    ServiceName: e.service_name,
    // AWS answers in lower case (pending, available, deleting, deleted), not the model's enum spelling
    State: e.state as State,
    PolicyDocument: e.policy_document ?? undefined,
    RouteTableIds: of('route-table').map((l) => l.ref_id),
    SubnetIds: subnets.map((l) => l.ref_id),
    Groups: of('security-group').map((l) => ({ GroupId: l.ref_id, GroupName: groupNames.get(l.ref_id) })),
    IpAddressType: e.ip_address_type as 'ipv4',
    DnsOptions: iface ? { DnsRecordIpType: 'ipv4', PrivateDnsOnlyForInboundResolverEndpoint: false } : undefined,
    PrivateDnsEnabled: e.private_dns_enabled === 1,
    RequesterManaged: false,
    NetworkInterfaceIds: subnets.map((l) => l.network_interface_id).filter((id): id is string => id !== null),
    DnsEntries: dnsEntries(e, subnets.map((l) => zonesOf.get(l.ref_id)).filter((z): z is string => z !== undefined), privateLinkDns),
    CreationTimestamp: new Date(e.created_at),
    Tags: tags,
    OwnerId: e.account,
  };
}

/** Endpoints with their links, group names, subnet zones and tags, one query each. */
export function presentVpcEndpoints(ctx: LoadContext & Pick<RequestContext, 'scope'>, rows: readonly VpcEndpointRow[]): VpcEndpoint[] {
  const ids = rows.map((r) => r.id);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const links = ctx.store.vpcEndpoints.linksOf(ids);
  const all = [...links.values()].flat();
  const groups = ctx.store.securityGroups.getMany(ctx.scope, all.filter((l) => l.kind === 'security-group').map((l) => l.ref_id));
  const subnets = ctx.store.subnets.getMany(ctx.scope, all.filter((l) => l.kind === 'subnet').map((l) => l.ref_id));
  const groupNames = new Map([...groups].map(([id, g]) => [id, g.name]));
  const zones = new Map([...subnets].map(([id, s]) => [id, s.availability_zone]));
  // the verified private DNS names of the PrivateLink services these endpoints use (another account's, often)
  const privateLinkDns = new Map<string, string | undefined>();
  for (const name of new Set(rows.filter((r) => r.service_name.startsWith(PRIVATE_LINK_PREFIX)).map((r) => r.service_name))) {
    const config = ctx.store.vpcEndpointServices.byName(name);
    privateLinkDns.set(name, config ? verifiedPrivateDnsName(config) : undefined);
  }
  return rows.map((r) => present(r, links.get(r.id) ?? [], groupNames, zones, tags.get(r.id) ?? [], privateLinkDns));
}
