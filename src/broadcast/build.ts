/**
 * Builds the `network-data` document of one region (docs/behavior.md "Broadcast document"), the view a host of the
 * cloud needs to plumb its instances. The "active" filtering of Eucalyptus' buildNetworkConfiguration:
 *
 *  - instances: every instance not stopped or terminated, unless its network metadata is invalid (no primary
 *    private address, no security group, or no node host);
 *  - instance/networkInterfaces: the ENIs linked to it whose attachment is `attaching` or `attached` (the host
 *    must plug them in; docs/decisions.md "Broadcast document"); `detaching` ones are gone already. Primary (device 0)
 *    included, in (card, device index) order;
 *  - vpcs: only active ones, i.e. with an ENI linked to an included instance or an `available` NAT gateway;
 *    with all their subnets (each naming the ACL it is associated with), their network ACLs and IPv4 entries, their
 *    route tables with only the routes whose stored state is `active`, their available NAT gateways and the IDs of
 *    their attached internet gateways;
 *  - dhcpOptionSets / internetGateways: those of active VPCs;
 *  - securityGroups: groups of included instances and of the ENIs linked to them, plus every group another
 *    group of an active VPC refers to in a rule; rules pointing at a group outside that set are dropped.
 *
 * Every list is ordered by id (routes and rules keep creation order, ACL entries rule-number order), so the same
 * state always gives the same bytes.
 */
import type { Store } from '../store';
import { BroadcastQueries } from '../store/broadcastQueries';
import type { NetworkAclEntryRow, RouteTableAssociationRow, SecurityGroupRow, SecurityGroupRuleRow } from '../store/rows';
import { InstanceRecord, loadInstanceRecords, primaryInterface } from '../views/instance';
import { InterfaceRecord, primaryAssociation } from '../views/networkInterface';
import type {
  NetworkData,
  NIAclEntry,
  NIInstance,
  NIProperty,
  NIRule,
  NISecurityGroup,
  NIVpc,
} from './shapes';
import {
  CLC_IP,
  clustersOf,
  DNS_SERVERS,
  instanceDnsDomain,
  MAC_PREFIX,
  MODE,
  publicIpRange,
  publicNetworkCidr,
} from './topology';

const prop = (name: string, ...values: string[]): NIProperty => ({ name, values });

/** ENI attachment states the hosts must have plugged in. */
const PLUGGED = new Set(['attaching', 'attached']);

interface BuildOptions {
  region: string;
  /** Restrict the document to these accounts; undefined = every account of the region. */
  accounts?: readonly string[];
}

export function buildNetworkData(store: Store, opts: BuildOptions): NetworkData {
  const q = new BroadcastQueries(store.db);
  const { region } = opts;

  // ---- instances and their interfaces ----
  const candidates = q.liveInstances(region, opts.accounts);
  const byAccount = new Map<string, typeof candidates>();
  for (const row of candidates) byAccount.set(row.account, [...(byAccount.get(row.account) ?? []), row]);
  const records: InstanceRecord[] = [];
  for (const [account, rows] of byAccount) records.push(...loadInstanceRecords({ store, scope: { account, region } }, rows));
  records.sort((a, b) => cmp(a.row.id, b.row.id));
  const included = records.filter((rec) => {
    const primary = primaryInterface(rec);
    return primary !== undefined && primary.row.private_ip !== '' && primary.groups.length > 0 && rec.row.node_host !== '';
  });

  const activeVpcIds = new Set<string>();
  const activeGroupIds = new Set<string>();
  for (const rec of included) {
    for (const eni of rec.interfaces) {
      activeVpcIds.add(eni.row.vpc_id);
      for (const g of eni.groups) activeGroupIds.add(g.group_id);
    }
  }

  const instances: NIInstance[] = included.map((rec) => presentInstance(rec));

  // ---- NAT gateways: an available one makes its VPC active (Eucalyptus buildNetworkConfiguration) ----
  const natGateways = q.availableNatGateways(region, opts.accounts);
  for (const nat of natGateways) activeVpcIds.add(nat.vpc_id);

  // ---- VPCs ----
  const vpcRows = q.vpcs([...activeVpcIds]);
  const vpcIds = vpcRows.map((v) => v.id);
  const subnets = q.subnetsOf(vpcIds);
  const tables = q.routeTablesOf(vpcIds);
  const associations = q.routeTableAssociationsOf(vpcIds);
  const routes = q.activeRoutesOf(tables.map((t) => t.id));
  const igws = q.internetGatewaysOf(vpcIds);
  const acls = q.networkAclsOf(vpcIds);
  const aclEntries = q.aclEntriesOf(acls.map((a) => a.id));
  const aclOfSubnet = new Map(q.aclAssociationsOf(acls.map((a) => a.id)).map((a) => [a.subnet_id, a.network_acl_id]));
  const ipv6Blocks = store.vpcCidrBlocks.ofVpcs(vpcIds);
  const vpcs: NIVpc[] = vpcRows.map((vpc) => ({
    name: vpc.id,
    ownerId: vpc.account,
    cidr: vpc.cidr,
    ipv6Cidr: ipv6Blocks.get(vpc.id)?.find((b) => b.family === 6)?.cidr,
    dhcpOptionSet: vpc.dhcp_options_id ?? undefined,
    subnets: subnets
      .filter((s) => s.vpc_id === vpc.id)
      .map((s) => ({
        name: s.id,
        ownerId: s.account,
        cidr: s.cidr,
        ipv6Cidr: s.ipv6_cidr ?? undefined,
        cluster: s.availability_zone,
        networkAcl: aclOfSubnet.get(s.id) ?? vpc.network_acl_id,
        routeTable: routeTableOf(s.id, vpc.id, associations),
      })),
    networkAcls: acls
      .filter((a) => a.vpc_id === vpc.id)
      .map((a) => {
        const mine = aclEntries.filter((e) => e.network_acl_id === a.id && e.cidr_ipv4 !== null);
        return {
          name: a.id,
          ownerId: a.account,
          ingressEntries: mine.filter((e) => e.egress === 0).map(aclEntry),
          egressEntries: mine.filter((e) => e.egress === 1).map(aclEntry),
        };
      }),
    routeTables: tables
      .filter((t) => t.vpc_id === vpc.id)
      .map((t) => ({
        name: t.id,
        ownerId: t.account,
        routes: routes
          // a transit gateway is not plumbed by the hosts: its routes stay out of the document
          .filter((r) => r.route_table_id === t.id && !r.transit_gateway_id)
          .map((r) => ({
            destinationCidr: r.destination_cidr,
            // "local" for the local route (no target); omitted for ENI, NAT and peering routes
            gatewayId: r.gateway_id ?? (r.network_interface_id || r.nat_gateway_id || r.vpc_peering_connection_id ? undefined : 'local'),
            networkInterfaceId: r.network_interface_id ?? undefined,
            natGatewayId: r.nat_gateway_id ?? undefined,
            vpcPeeringConnectionId: r.vpc_peering_connection_id ?? undefined,
          })),
      })),
    natGateways: natGateways
      .filter((nat) => nat.vpc_id === vpc.id)
      .map((nat) => ({
        name: nat.id,
        ownerId: nat.account,
        macAddress: nat.mac_address ?? undefined,
        publicIp: nat.public_ip ?? undefined,
        privateIp: nat.private_ip ?? '',
        vpc: nat.vpc_id,
        subnet: nat.subnet_id,
      })),
    internetGateways: igws.filter((g) => g.vpc_id === vpc.id).map((g) => g.id),
  }));

  // ---- DHCP option sets and internet gateways of active VPCs ----
  const dhcp = q.dhcpOptions([...new Set(vpcRows.map((v) => v.dhcp_options_id).filter((id): id is string => !!id))]);
  const dhcpValues = q.dhcpOptionValues(dhcp.map((d) => d.id));
  const dhcpOptionSets = dhcp.map((d) => {
    const byKey = new Map<string, string[]>();
    for (const v of dhcpValues.filter((x) => x.dhcp_options_id === d.id)) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v.value]);
    return {
      name: d.id,
      ownerId: d.account,
      properties: [...byKey].map(([key, values]) => prop(key, ...(key === 'domain-name-servers' ? dnsServers(values) : values))),
    };
  });
  const internetGateways = igws.map((g) => ({ name: g.id, ownerId: g.account }));

  // ---- security groups ----
  const groups = q.securityGroups(region, opts.accounts);
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const rules = q.rulesOf(groups.map((g) => g.id));
  for (const r of rules) {
    const owner = groupById.get(r.group_id)!;
    if (r.ref_group_id && r.ref_group_id !== owner.id && groupById.has(r.ref_group_id) && activeVpcIds.has(owner.vpc_id)) {
      activeGroupIds.add(r.ref_group_id);
    }
  }
  const securityGroups: NISecurityGroup[] = groups
    .filter((g) => activeGroupIds.has(g.id))
    .map((g) => presentGroup(g, rules.filter((r) => r.group_id === g.id), activeGroupIds, groupById));

  return {
    configuration: { properties: configuration(region, included) },
    vpcs,
    instances,
    dhcpOptionSets,
    internetGateways,
    securityGroups,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function configuration(region: string, included: readonly InstanceRecord[]): NIProperty[] {
  const onNode = new Map<string, string[]>();
  for (const rec of included) {
    const key = `${rec.row.availability_zone}\u0000${rec.row.node_host}`;
    onNode.set(key, [...(onNode.get(key) ?? []), rec.row.id]);
  }
  return [
    prop('mode', MODE),
    prop('publicIps', publicIpRange()),
    prop('enabledCLCIp', CLC_IP),
    prop('instanceDNSDomain', instanceDnsDomain(region)),
    prop('instanceDNSServers', ...DNS_SERVERS),
    {
      name: 'mido',
      properties: [
        {
          name: 'gateways',
          gateways: [{ properties: [prop('gatewayHost', 'localhost'), prop('gatewayIP', CLC_IP), prop('gatewayInterface', 'lo')] }],
        },
        prop('eucanetdHost', CLC_IP),
        prop('publicNetworkCidr', publicNetworkCidr()),
      ],
    },
    {
      name: 'clusters',
      clusters: clustersOf(region).map((c) => {
        // Nodes of the simulated cluster, plus any other host an instance of this zone reports.
        const extra = included
          .filter((rec) => rec.row.availability_zone === c.zone && !c.nodes.includes(rec.row.node_host))
          .map((rec) => rec.row.node_host);
        const nodes = [...c.nodes, ...[...new Set(extra)].sort(cmp)];
        return {
          name: c.zone,
          subnet: {
            name: '172.31.0.0',
            properties: [prop('subnet', '172.31.0.0'), prop('netmask', '255.255.0.0'), prop('gateway', '172.31.0.1')],
          },
          properties: [
            prop('enabledCCIp', c.ccIp),
            prop('macPrefix', MAC_PREFIX),
            prop('privateIps', '172.31.0.5'),
            { name: 'nodes', nodes: nodes.map((n) => ({ name: n, instanceIds: onNode.get(`${c.zone}\u0000${n}`) ?? [] })) },
          ],
        };
      }),
    },
  ];
}

function presentInstance(rec: InstanceRecord): NIInstance {
  const primary = primaryInterface(rec)!;
  const plugged = rec.interfaces.filter((eni) => eni.attachment && PLUGGED.has(eni.attachment.status));
  return {
    name: rec.row.id,
    ownerId: rec.row.account,
    macAddress: primary.row.mac_address,
    publicIp: publicIpOf(primary),
    privateIp: primary.row.private_ip,
    vpc: rec.row.vpc_id,
    subnet: rec.row.subnet_id,
    networkInterfaces: plugged.map((eni) => ({
      name: eni.row.id,
      ownerId: eni.row.account,
      deviceIndex: eni.attachment!.device_index,
      attachmentId: eni.attachment!.id,
      macAddress: eni.row.mac_address,
      privateIp: eni.row.private_ip,
      ipv6Addresses: eni.ipv6.length > 0 ? eni.ipv6.map((a) => a.address) : undefined,
      ipv4Prefixes: eni.ipv4Prefixes.length > 0 ? eni.ipv4Prefixes.map((p) => p.prefix) : undefined,
      ipv6Prefixes: eni.ipv6Prefixes.length > 0 ? eni.ipv6Prefixes.map((p) => p.prefix) : undefined,
      publicIp: publicIpOf(eni),
      sourceDestCheck: eni.row.source_dest_check === 1,
      vpc: eni.row.vpc_id,
      subnet: eni.row.subnet_id,
      securityGroups: eni.groups.map((g) => g.group_id),
    })),
    securityGroups: primary.groups.map((g) => g.group_id),
  };
}

/** The public address of the interface's primary private address, unless it is 0.0.0.0. */
function publicIpOf(eni: InterfaceRecord): string | undefined {
  const ip = primaryAssociation(eni)?.PublicIp;
  return ip && ip !== '0.0.0.0' ? ip : undefined;
}

/** The table a subnet uses: its explicit association, else the VPC's main table. */
function routeTableOf(subnetId: string, vpcId: string, associations: readonly RouteTableAssociationRow[]): string | undefined {
  const explicit = associations.find((a) => a.subnet_id === subnetId);
  if (explicit) return explicit.route_table_id;
  return associations.find((a) => a.vpc_id === vpcId && a.is_main === 1)?.route_table_id;
}

/** A stored ACL entry as the hosts read it (IPv4 entries only: the format has no IPv6 CIDR). */
function aclEntry(e: NetworkAclEntryRow): NIAclEntry {
  const protocol = Number(e.protocol);
  const ports = protocol === 6 || protocol === 17;
  const icmp = protocol === 1;
  return {
    number: e.rule_number,
    protocol,
    action: e.rule_action as NIAclEntry['action'],
    cidr: e.cidr_ipv4!,
    icmpCode: icmp ? (e.icmp_code ?? undefined) : undefined,
    icmpType: icmp ? (e.icmp_type ?? undefined) : undefined,
    portRangeFrom: ports ? (e.port_from ?? undefined) : undefined,
    portRangeTo: ports ? (e.port_to ?? undefined) : undefined,
  };
}

/** "AmazonProvidedDNS" stands for the cloud's own resolvers. */
function dnsServers(stored: readonly string[]): string[] {
  return stored.flatMap((s) => (s === 'AmazonProvidedDNS' ? [...DNS_SERVERS] : [s]));
}

const PROTOCOL_NUMBERS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, '-1': -1 };

function protocolNumber(p: string): number {
  return PROTOCOL_NUMBERS[p] ?? Number(p);
}

function presentGroup(
  g: SecurityGroupRow,
  rules: readonly SecurityGroupRuleRow[],
  active: ReadonlySet<string>,
  groupById: ReadonlyMap<string, SecurityGroupRow>,
): NISecurityGroup {
  // IPv4 CIDR and group rules only (the hosts' format has no IPv6 or prefix lists); dangling group refs dropped.
  const usable = rules.filter((r) => (r.ref_group_id ? active.has(r.ref_group_id) : r.cidr_ipv4 !== null));
  const rule = (r: SecurityGroupRuleRow): NIRule => {
    const protocol = protocolNumber(r.ip_protocol);
    const ports = protocol === 6 || protocol === 17;
    const icmp = protocol === 1;
    return {
      protocol,
      fromPort: ports ? (r.from_port ?? undefined) : undefined,
      toPort: ports ? (r.to_port ?? undefined) : undefined,
      icmpType: icmp ? (r.from_port ?? -1) : undefined,
      icmpCode: icmp ? (r.to_port ?? -1) : undefined,
      groupId: r.ref_group_id ?? undefined,
      groupOwnerId: r.ref_group_id ? (r.ref_user_id ?? groupById.get(r.ref_group_id)?.account) : undefined,
      cidr: r.ref_group_id ? undefined : (r.cidr_ipv4 ?? undefined),
    };
  };
  const ingress = usable.filter((r) => r.is_egress === 0);
  return {
    name: g.id,
    ownerId: g.account,
    rules: ingress.map(classicRule).filter((s): s is string => s !== undefined),
    ingressRules: ingress.map(rule),
    egressRules: usable.filter((r) => r.is_egress === 1).map(rule),
  };
}

/**
 * The EC2-Classic rule string of an ingress rule ("-P 6 -p 22-22  -s 0.0.0.0/0", "-P 1 -t -1:-1  -o sg-… -u 1234…"):
 * only TCP, UDP and ICMP rules have one. The double space comes from the format's trailing space.
 */
function classicRule(r: SecurityGroupRuleRow): string | undefined {
  const protocol = protocolNumber(r.ip_protocol);
  let head: string;
  if (protocol === 6 || protocol === 17) head = `-P ${protocol} -p ${r.from_port}-${r.to_port} `;
  else if (protocol === 1) head = `-P ${protocol} -t ${r.from_port ?? -1}:${r.to_port ?? -1} `;
  else return undefined;
  if (r.ref_group_id) return `${head} -o ${r.ref_group_id} -u ${r.ref_user_id ?? r.account}`;
  return `${head} -s ${r.cidr_ipv4}`;
}
