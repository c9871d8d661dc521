/**
 * Regions and zones. Any well-formed region name that a client signs for is served. The Regions AWS lists have the
 * Availability Zones a new account sees there (us-east-1a..f, us-west-1a and c, ...; zone ids `<short>-azN`, e.g.
 * use1-az1); any other region has `<region>a/b/c`. us-east-1 and us-west-2 also have a few Local Zones and
 * Wavelength Zones, listed once the account opts in to their group (docs/behavior.md "Availability Zones, Local
 * Zones and Wavelength Zones").
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

/** The Regions' names as AWS's console writes them (an Availability Zone group's long name is `<this> 1`). */
const REGION_LONG_NAMES: Record<string, string> = {
  'af-south-1': 'Africa (Cape Town)', 'ap-east-1': 'Asia Pacific (Hong Kong)', 'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)', 'ap-northeast-3': 'Asia Pacific (Osaka)', 'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)', 'ap-southeast-1': 'Asia Pacific (Singapore)', 'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)', 'ap-southeast-4': 'Asia Pacific (Melbourne)', 'ca-central-1': 'Canada (Central)',
  'eu-central-1': 'Europe (Frankfurt)', 'eu-central-2': 'Europe (Zurich)', 'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)', 'eu-south-2': 'Europe (Spain)', 'eu-west-1': 'Europe (Ireland)', 'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)', 'il-central-1': 'Israel (Tel Aviv)', 'me-central-1': 'Middle East (UAE)',
  'me-south-1': 'Middle East (Bahrain)', 'sa-east-1': 'South America (Sao Paulo)', 'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)', 'us-west-1': 'US West (N. California)', 'us-west-2': 'US West (Oregon)',
};

/**
 * The standard Availability Zones, as `letter:az-number` (zone name suffix and the number of its zone id). Regions
 * not listed (and any other well-formed name) get a, b, c -> az1..az3. A zone is never taken away from a Region
 * that had it in an earlier release: a `--db` file keeps subnets, instances and broadcast nodes in it, so us-west-1,
 * ap-northeast-1 and ca-central-1 keep a, b, c (as older AWS accounts see them) and gain only the zones AWS added
 * (docs/decisions.md "Availability Zones"). The letter-to-id mapping differs per account on AWS; ec2lite gives
 * every account the one below.
 */
const STANDARD_ZONES: Record<string, readonly string[]> = {
  'us-east-1': ['a:1', 'b:2', 'c:3', 'd:4', 'e:5', 'f:6'],
  'us-west-2': ['a:1', 'b:2', 'c:3', 'd:4'],
  'ap-northeast-1': ['a:1', 'b:2', 'c:3', 'd:4'],
  'ap-northeast-2': ['a:1', 'b:2', 'c:3', 'd:4'],
  'ca-central-1': ['a:1', 'b:2', 'c:3', 'd:4'],
};
const DEFAULT_ZONES = ['a:1', 'b:2', 'c:3'];

export type ZoneType = 'availability-zone' | 'local-zone' | 'wavelength-zone';

export interface Zone {
  name: string;
  id: string;
  region: string;
  type: ZoneType;
  /** the zone group (ModifyAvailabilityZoneGroup's GroupName) */
  group: string;
  groupLongName?: string;
  networkBorderGroup: string;
  /** Local and Wavelength Zones: the Availability Zone that runs their control plane */
  parent?: Zone;
}

interface EdgeZoneSpec {
  type: 'local-zone' | 'wavelength-zone';
  name: string;
  id: string;
  longName: string;
  parent: string;
}

/**
 * A few of AWS's Local Zones and Wavelength Zones, real names and ids; opt-in per group and account
 * (docs/behavior.md "Availability Zones, Local Zones and Wavelength Zones"). A Local Zone's group is its name
 * without the letter; a Wavelength Zone is its own group, as AWS's API reference shows them.
 */
const EDGE_ZONES: Record<string, readonly EdgeZoneSpec[]> = {
  'us-east-1': [
    { type: 'local-zone', name: 'us-east-1-bos-1a', id: 'use1-bos1-az1', longName: 'US East (Boston)', parent: 'us-east-1c' },
    { type: 'local-zone', name: 'us-east-1-mia-1a', id: 'use1-mia1-az1', longName: 'US East (Miami)', parent: 'us-east-1d' },
    { type: 'local-zone', name: 'us-east-1-nyc-1a', id: 'use1-nyc1-az1', longName: 'US East (New York City)', parent: 'us-east-1f' },
    { type: 'wavelength-zone', name: 'us-east-1-wl1-bos-wlz-1', id: 'use1-wl1-bos-wlz1', longName: 'US East (Verizon) - Boston', parent: 'us-east-1c' },
    { type: 'wavelength-zone', name: 'us-east-1-wl1-nyc-wlz-1', id: 'use1-wl1-nyc-wlz1', longName: 'US East (Verizon) - New York', parent: 'us-east-1f' },
    { type: 'wavelength-zone', name: 'us-east-1-wl1-atl-wlz-1', id: 'use1-wl1-atl-wlz1', longName: 'US East (Verizon) - Atlanta', parent: 'us-east-1d' },
  ],
  'us-west-2': [
    { type: 'local-zone', name: 'us-west-2-lax-1a', id: 'usw2-lax1-az1', longName: 'US West (Los Angeles)', parent: 'us-west-2d' },
    { type: 'local-zone', name: 'us-west-2-lax-1b', id: 'usw2-lax1-az2', longName: 'US West (Los Angeles)', parent: 'us-west-2d' },
    { type: 'wavelength-zone', name: 'us-west-2-wl1-sfo-wlz-1', id: 'usw2-wl1-sfo-wlz1', longName: 'US West (Verizon) - San Francisco Bay Area', parent: 'us-west-2d' },
    { type: 'wavelength-zone', name: 'us-west-2-wl1-las-wlz-1', id: 'usw2-wl1-las-wlz1', longName: 'US West (Verizon) - Las Vegas', parent: 'us-west-2d' },
  ],
};

interface RegionZones {
  standard: Zone[];
  edge: Zone[];
  byName: Map<string, Zone>;
  byId: Map<string, Zone>;
}

/** Built once per region (DescribeAvailabilityZones and every zone lookup read this cache). */
const CACHE = new Map<string, RegionZones>();

function regionZones(region: string): RegionZones {
  let rz = CACHE.get(region);
  if (rz) return rz;
  const short = regionShortCode(region);
  const longName = REGION_LONG_NAMES[region];
  const standard: Zone[] = (STANDARD_ZONES[region] ?? DEFAULT_ZONES).map((spec) => {
    const [letter, n] = spec.split(':');
    return {
      name: `${region}${letter}`,
      id: `${short}-az${n}`,
      region,
      type: 'availability-zone',
      group: `${region}-zg-1`,
      groupLongName: longName === undefined ? undefined : `${longName} 1`,
      networkBorderGroup: region,
    };
  });
  const edge: Zone[] = (EDGE_ZONES[region] ?? []).map((e) => {
    const group = e.type === 'local-zone' ? e.name.slice(0, -1) : e.name;
    return { name: e.name, id: e.id, region, type: e.type, group, groupLongName: e.longName, networkBorderGroup: group, parent: standard.find((z) => z.name === e.parent) };
  });
  const all = [...standard, ...edge];
  rz = { standard, edge, byName: new Map(all.map((z) => [z.name, z])), byId: new Map(all.map((z) => [z.id, z])) };
  if (CACHE.size < 256) CACHE.set(region, rz); // any well-formed region is served: keep the cache bounded
  return rz;
}

/** The region's standard Availability Zones (where default subnets go and launches land by default). */
export function zonesOf(region: string): Zone[] {
  return regionZones(region).standard;
}

/** The region's Local Zones and Wavelength Zones, opted in or not. */
export function edgeZonesOf(region: string): Zone[] {
  return regionZones(region).edge;
}

/** Any zone of the region by name: standard, Local or Wavelength (callers check the opt-in where it matters). */
export function zoneByName(region: string, name: string): Zone | undefined {
  return regionZones(region).byName.get(name);
}

export function zoneById(region: string, id: string): Zone | undefined {
  return regionZones(region).byId.get(id);
}

/** A zone group of the region by name, with its zones (undefined: no such group). */
export function zoneGroup(region: string, group: string): Zone[] | undefined {
  const { standard, edge } = regionZones(region);
  const zones = [...standard, ...edge].filter((z) => z.group === group);
  return zones.length > 0 ? zones : undefined;
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
