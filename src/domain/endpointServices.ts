/**
 * The AWS services a region offers to VPC endpoints (DescribeVpcEndpointServices; docs/behavior.md "VPC
 * endpoints"): a fixed catalog. S3 is offered both as a gateway and as an interface service, DynamoDB as a gateway.
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../core/context';
import type { ServiceDetail } from '../protocol/model/types.generated';
import type { VpcEndpointServiceRow } from '../store/rows';
import { awsPrefixListName } from './prefixLists';
import { zonesOf } from './regions';
import { ipTypesOf, visibleEndpointServices } from './vpcEndpointServices';

export interface EndpointService {
  /** com.amazonaws.<region>.<short> */
  name: string;
  short: string;
  type: 'Gateway' | 'Interface' | 'GatewayLoadBalancer';
  /** The name the service answers to inside the VPC with private DNS (interface services). */
  privateDnsName?: string;
  /** A PrivateLink service's configuration (docs/behavior.md "VPC endpoint services"); none for AWS services. */
  config?: VpcEndpointServiceRow;
}

const INTERFACE_SERVICES = ['s3', 'ec2', 'sts', 'ssm', 'ecr.api', 'ecr.dkr', 'logs', 'kms', 'secretsmanager'] as const;
const GATEWAY_SERVICES = ['s3', 'dynamodb'] as const;

/** AWS's private DNS names: `ecr.api` answers as api.ecr..., `ecr.dkr` as *.dkr.ecr..., s3 as *.s3... */
function privateDnsNameOf(short: string, region: string): string {
  if (short === 'ecr.api') return `api.ecr.${region}.amazonaws.com`;
  if (short === 'ecr.dkr') return `*.dkr.ecr.${region}.amazonaws.com`;
  if (short === 's3') return `*.s3.${region}.amazonaws.com`;
  return `${short}.${region}.amazonaws.com`;
}

export function endpointServices(region: string): EndpointService[] {
  const all: EndpointService[] = [
    ...GATEWAY_SERVICES.map((short) => ({ name: awsPrefixListName(region, short), short, type: 'Gateway' as const })),
    ...INTERFACE_SERVICES.map((short) => ({
      name: `com.amazonaws.${region}.${short}`,
      short,
      type: 'Interface' as const,
      privateDnsName: privateDnsNameOf(short, region),
    })),
  ];
  return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : 1));
}

export function endpointService(region: string, name: string, type: string): EndpointService | undefined {
  return endpointServices(region).find((s) => s.name === name && s.type === type);
}

export const hasEndpointService = (region: string, name: string) => endpointServices(region).some((s) => s.name === name);

const hex = (text: string, n: number) => createHash('sha256').update(text).digest('hex').slice(0, n);

export function presentEndpointService(region: string, s: EndpointService): ServiceDetail {
  const zones = zonesOf(region);
  const base = s.type === 'Gateway' ? `${s.short}.${region}.amazonaws.com` : `${s.short}.${region}.vpce.amazonaws.com`;
  return {
    ServiceName: s.name,
    ServiceId: `vpce-svc-${hex(`${s.name}/${s.type}`, 17)}`,
    ServiceType: [{ ServiceType: s.type }],
    ServiceRegion: region,
    AvailabilityZoneIds: zones.map((z) => z.id),
    AvailabilityZones: zones.map((z) => z.name),
    Owner: 'amazon',
    BaseEndpointDnsNames: [base],
    PrivateDnsName: s.privateDnsName,
    PrivateDnsNames: s.privateDnsName ? [{ PrivateDnsName: s.privateDnsName }] : undefined,
    VpcEndpointPolicySupported: true,
    AcceptanceRequired: false,
    ManagesVpcEndpoints: false,
    PrivateDnsNameVerificationState: s.privateDnsName ? 'verified' : undefined,
    SupportedIpAddressTypes: ['ipv4'],
    Tags: [],
  };
}

/** A PrivateLink service as its owner and the principals it allows see it (docs/behavior.md "VPC endpoint services"). */
export function presentPrivateLinkService(s: VpcEndpointServiceRow, tags: ServiceDetail['Tags']): ServiceDetail {
  const zones = zonesOf(s.region);
  return {
    ServiceName: s.name,
    ServiceId: s.id,
    ServiceType: [{ ServiceType: s.service_type as 'Interface' }],
    ServiceRegion: s.region,
    AvailabilityZoneIds: zones.map((z) => z.id),
    AvailabilityZones: zones.map((z) => z.name),
    Owner: s.account,
    BaseEndpointDnsNames: [`${s.id}.${s.region}.vpce.amazonaws.com`],
    PrivateDnsName: s.private_dns_name ?? undefined,
    PrivateDnsNames: s.private_dns_name ? [{ PrivateDnsName: s.private_dns_name }] : undefined,
    VpcEndpointPolicySupported: false,
    AcceptanceRequired: s.acceptance_required === 1,
    ManagesVpcEndpoints: false,
    PayerResponsibility: 'ServiceOwner',
    PrivateDnsNameVerificationState: (s.private_dns_state ?? undefined) as ServiceDetail['PrivateDnsNameVerificationState'],
    SupportedIpAddressTypes: ipTypesOf(s) as ServiceDetail['SupportedIpAddressTypes'],
    Tags: tags,
  };
}

/**
 * The catalog and the PrivateLink services the caller may see, as Describe rows: a catalog row's seq is its
 * position, a PrivateLink service's comes after the whole catalog; id is the service name (S3 has two rows).
 */
export interface EndpointServiceRow {
  seq: number;
  id: string;
  service: EndpointService;
}

const PRIVATE_LINK_SEQ = 1_000_000;

export function listEndpointServices(
  ctx: Pick<RequestContext, 'scope' | 'store'>,
  opts: { ids?: readonly string[]; afterSeq?: number; limit?: number },
): EndpointServiceRow[] {
  const privateLink = visibleEndpointServices(ctx).map((config) => ({
    seq: PRIVATE_LINK_SEQ + config.seq,
    id: config.name,
    service: { name: config.name, short: config.id, type: config.service_type as EndpointService['type'], config },
  }));
  const rows = [...endpointServices(ctx.scope.region).map((service, i) => ({ seq: i + 1, id: service.name, service })), ...privateLink].filter(
    (r) => r.seq > (opts.afterSeq ?? 0) && (!opts.ids || opts.ids.includes(r.id)),
  );
  return opts.limit !== undefined && opts.limit >= 0 ? rows.slice(0, opts.limit) : rows;
}

export function presentEndpointServiceRows(ctx: Pick<RequestContext, 'scope' | 'store'>, rows: readonly EndpointServiceRow[]): ServiceDetail[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.filter((r) => r.service.config).map((r) => r.service.config!.id));
  return rows.map((r) =>
    r.service.config ? presentPrivateLinkService(r.service.config, tags.get(r.service.config.id) ?? []) : presentEndpointService(ctx.scope.region, r.service),
  );
}
