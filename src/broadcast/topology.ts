/**
 * The simulated cloud the broadcast describes, beyond what the API stores: one cluster (partition) per
 * Availability Zone, two node controllers per cluster, and the VPCMIDO settings Eucalyptus would read from its
 * network configuration. Everything here is fixed (deterministic) so golden documents stay byte-identical.
 *
 *   mode                VPCMIDO (ec2lite emulates VPC networking)
 *   publicIps           the shared public pool the emulator allocates from (src/domain/addressing.ts)
 *   enabledCLCIp        127.0.0.1 (the emulator itself)
 *   instanceDNSDomain   ec2.internal in us-east-1, <region>.compute.internal elsewhere (as private DNS names)
 *   instanceDNSServers  127.0.0.1 (Eucalyptus' fallback when none is configured)
 *   mido                one gateway on the loopback, eucanetd on the emulator host, the public pool's CIDR
 *   cluster <zone>      zone index i (0-based): CC 10.111.<i+1>.1, nodes 10.111.<i+1>.101 and .102 (where
 *                       RunInstances places instances, node_host), VPCMIDO's fixed 172.31.0.0/16 subnet
 */
import { intToIp } from '../domain/cidr';
import { PUBLIC_POOL } from '../domain/addressing';
import { dhcpDomainName } from '../domain/vpc';
import { zonesOf } from '../domain/regions';

export const MODE = 'VPCMIDO';
export const CLC_IP = '127.0.0.1';
export const DNS_SERVERS: readonly string[] = ['127.0.0.1'];
export const MAC_PREFIX = '02';

/** First and last address the public pool hands out (its network and broadcast addresses are never used). */
export function publicIpRange(): string {
  return `${intToIp(PUBLIC_POOL.base + 1)}-${intToIp(PUBLIC_POOL.base + PUBLIC_POOL.size - 2)}`;
}

export function publicNetworkCidr(): string {
  return `${intToIp(PUBLIC_POOL.base)}/${32 - Math.log2(PUBLIC_POOL.size)}`;
}

export function instanceDnsDomain(region: string): string {
  return dhcpDomainName(region);
}

interface SimCluster {
  zone: string;
  ccIp: string;
  nodes: string[];
}

/** The clusters of a region, one per zone, in zone order. */
export function clustersOf(region: string): SimCluster[] {
  return zonesOf(region).map((z, i) => ({
    zone: z.name,
    ccIp: `10.111.${i + 1}.1`,
    nodes: [`10.111.${i + 1}.101`, `10.111.${i + 1}.102`],
  }));
}
