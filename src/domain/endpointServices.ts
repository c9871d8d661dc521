/**
 * The AWS services a region offers to VPC endpoints (DescribeVpcEndpointServices; docs/behavior.md "VPC
 * endpoints"): a fixed catalog. S3 is offered both as a gateway and as an interface service, DynamoDB as a gateway.
 */
import { createHash } from 'node:crypto';
import type { ServiceDetail } from '../protocol/model/types.generated';
import { awsPrefixListName } from './prefixLists';
import { zonesOf } from './regions';

export interface EndpointService {
  /** com.amazonaws.<region>.<short> */
  name: string;
  short: string;
  type: 'Gateway' | 'Interface';
  /** The name the service answers to inside the VPC with private DNS (interface services). */
  privateDnsName?: string;
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

/** The catalog as Describe rows: seq is the position, id the service name (S3 has two rows, one per type). */
export interface EndpointServiceRow {
  seq: number;
  id: string;
  service: EndpointService;
}

export function listEndpointServices(
  ctx: { scope: { region: string } },
  opts: { ids?: readonly string[]; afterSeq?: number; limit?: number },
): EndpointServiceRow[] {
  const rows = endpointServices(ctx.scope.region)
    .map((service, i) => ({ seq: i + 1, id: service.name, service }))
    .filter((r) => r.seq > (opts.afterSeq ?? 0) && (!opts.ids || opts.ids.includes(r.id)));
  return opts.limit !== undefined && opts.limit >= 0 ? rows.slice(0, opts.limit) : rows;
}

export function presentEndpointServiceRows(ctx: { scope: { region: string } }, rows: readonly EndpointServiceRow[]): ServiceDetail[] {
  return rows.map((r) => presentEndpointService(ctx.scope.region, r.service));
}
