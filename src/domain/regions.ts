/**
 * Regions and Availability Zones. Any well-formed region name that a client signs for is served; each region
 * has zones `<region>a/b/c` with zone ids `<short>-az1..3` (e.g. use1-az1), as AWS names them.
 */

export const KNOWN_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ca-central-1', 'eu-central-1',
  'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1',
  'me-central-1', 'me-south-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];

/** Regions that are not opted in by default on AWS. */
const OPT_IN_REGIONS = new Set([
  'af-south-1', 'ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'eu-central-2', 'eu-south-1',
  'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1',
]);

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function isRegionName(name: string): boolean {
  return REGION_PATTERN.test(name);
}

export function regionOptInStatus(region: string): string {
  return OPT_IN_REGIONS.has(region) ? 'opted-in' : 'opt-in-not-required';
}

const DIRECTIONS: Record<string, string> = {
  east: 'e', west: 'w', north: 'n', south: 's', central: 'c',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
};

/** us-east-1 -> use1, ap-southeast-2 -> apse2, eu-central-1 -> euc1. */
function regionShortCode(region: string): string {
  const parts = region.split('-');
  const num = parts[parts.length - 1];
  const dirs = parts.slice(1, -1).map((d) => DIRECTIONS[d] ?? d.charAt(0)).join('');
  return `${parts[0]}${dirs}${num}`;
}

const ZONE_LETTERS = ['a', 'b', 'c'] as const;

export interface Zone {
  name: string;
  id: string;
  region: string;
}

export function zonesOf(region: string): Zone[] {
  const short = regionShortCode(region);
  return ZONE_LETTERS.map((letter, i) => ({ name: `${region}${letter}`, id: `${short}-az${i + 1}`, region }));
}

export function zoneByName(region: string, name: string): Zone | undefined {
  return zonesOf(region).find((z) => z.name === name);
}

export function zoneById(region: string, id: string): Zone | undefined {
  return zonesOf(region).find((z) => z.id === id);
}

export function endpointOf(region: string): string {
  return `ec2.${region}.amazonaws.com`;
}

/** `ip-10-0-1-4.ec2.internal` in us-east-1, `ip-10-0-1-4.<region>.compute.internal` elsewhere. */
export function privateDnsName(region: string, ip: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(region: string, ip: string): string {
  const host = `ec2-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}
