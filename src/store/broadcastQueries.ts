/**
 * Read-only queries for the network broadcast document and the instance metadata service. Unlike the API
 * repositories these cross accounts: the broadcast covers a whole region (optionally a set of accounts), and IMDS
 * reads whatever the instance's interfaces refer to. Lists come back ordered by id (routes and rules by creation
 * order), so the same state always yields the same document bytes.
 */
import type { Database } from './db';
import type {
  DhcpOptionsRow,
  DhcpOptionValueRow,
  InstanceRow,
  InternetGatewayRow,
  NetworkAclAssociationRow,
  NetworkAclEntryRow,
  NetworkAclRow,
  NatGatewayRow,
  RouteRow,
  RouteTableAssociationRow,
  RouteTableRow,
  SecurityGroupRow,
  SecurityGroupRuleRow,
  SubnetRow,
  VpcRow,
} from './rows';

const json = (v: readonly string[]) => JSON.stringify(v);

export class BroadcastQueries {
  constructor(private readonly db: Database) {}

  /** Account clause: `accounts` undefined = every account of the region. */
  private accountClause(alias: string, accounts: readonly string[] | undefined): { sql: string; params: unknown[] } {
    if (!accounts) return { sql: '', params: [] };
    return { sql: ` AND ${alias}.account IN (SELECT value FROM json_each(?))`, params: [json(accounts)] };
  }

  /** Instances of the region that are not stopped or terminated (the broadcast's candidates), by id. */
  liveInstances(region: string, accounts?: readonly string[]): InstanceRow[] {
    const acc = this.accountClause('i', accounts);
    return this.db
      .prepare(`SELECT i.* FROM instances i WHERE i.region = ? AND i.state NOT IN ('stopped', 'terminated')${acc.sql} ORDER BY i.id`)
      .all(region, ...acc.params) as InstanceRow[];
  }

  /** `available` NAT gateways of the region with their interface's MAC (the hosts plumb those), by id. */
  availableNatGateways(region: string, accounts?: readonly string[]): Array<NatGatewayRow & { mac_address: string | null }> {
    const acc = this.accountClause('g', accounts);
    return this.db
      .prepare(
        `SELECT g.*, n.mac_address FROM nat_gateways g LEFT JOIN network_interfaces n ON n.id = g.network_interface_id
         WHERE g.region = ? AND g.state = 'available'${acc.sql} ORDER BY g.id`,
      )
      .all(region, ...acc.params) as Array<NatGatewayRow & { mac_address: string | null }>;
  }

  vpcs(ids: readonly string[]): VpcRow[] {
    if (ids.length === 0) return [];
    return this.db.prepare('SELECT * FROM vpcs WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(json(ids)) as VpcRow[];
  }

  subnetsOf(vpcIds: readonly string[]): SubnetRow[] {
    if (vpcIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM subnets WHERE vpc_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(json(vpcIds)) as SubnetRow[];
  }

  subnets(ids: readonly string[]): SubnetRow[] {
    if (ids.length === 0) return [];
    return this.db.prepare('SELECT * FROM subnets WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(json(ids)) as SubnetRow[];
  }

  routeTablesOf(vpcIds: readonly string[]): RouteTableRow[] {
    if (vpcIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM route_tables WHERE vpc_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(json(vpcIds)) as RouteTableRow[];
  }

  /** Main and subnet associations of the VPCs' route tables. */
  routeTableAssociationsOf(vpcIds: readonly string[]): RouteTableAssociationRow[] {
    if (vpcIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM route_table_associations WHERE vpc_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(json(vpcIds)) as RouteTableAssociationRow[];
  }

  /** Routes whose stored state is `active` (blackholes never reach the hosts), in creation order. */
  activeRoutesOf(tableIds: readonly string[]): RouteRow[] {
    if (tableIds.length === 0) return [];
    return this.db
      .prepare("SELECT * FROM routes WHERE route_table_id IN (SELECT value FROM json_each(?)) AND state = 'active' ORDER BY seq")
      .all(json(tableIds)) as RouteRow[];
  }

  /** Internet gateways attached to these VPCs. */
  internetGatewaysOf(vpcIds: readonly string[]): InternetGatewayRow[] {
    if (vpcIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM internet_gateways WHERE vpc_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(json(vpcIds)) as InternetGatewayRow[];
  }

  networkAclsOf(vpcIds: readonly string[]): NetworkAclRow[] {
    if (vpcIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM network_acls WHERE vpc_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(json(vpcIds)) as NetworkAclRow[];
  }

  /** Entries of these ACLs in rule-number order. */
  aclEntriesOf(aclIds: readonly string[]): NetworkAclEntryRow[] {
    if (aclIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM network_acl_entries WHERE network_acl_id IN (SELECT value FROM json_each(?)) ORDER BY rule_number, seq')
      .all(json(aclIds)) as NetworkAclEntryRow[];
  }

  aclAssociationsOf(aclIds: readonly string[]): NetworkAclAssociationRow[] {
    if (aclIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM network_acl_associations WHERE network_acl_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(json(aclIds)) as NetworkAclAssociationRow[];
  }

  /** Values of these DHCP option sets, by key then in the order given. */
  dhcpOptionValues(ids: readonly string[]): DhcpOptionValueRow[] {
    if (ids.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM dhcp_option_values WHERE dhcp_options_id IN (SELECT value FROM json_each(?)) ORDER BY key, seq')
      .all(json(ids)) as DhcpOptionValueRow[];
  }

  dhcpOptions(ids: readonly string[]): DhcpOptionsRow[] {
    if (ids.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM dhcp_options WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(json(ids)) as DhcpOptionsRow[];
  }

  /** Every security group of the region (and account set), by id. */
  securityGroups(region: string, accounts?: readonly string[]): SecurityGroupRow[] {
    const acc = this.accountClause('g', accounts);
    return this.db.prepare(`SELECT g.* FROM security_groups g WHERE g.region = ?${acc.sql} ORDER BY g.id`).all(region, ...acc.params) as SecurityGroupRow[];
  }

  /** Rules of these groups, in creation order. */
  rulesOf(groupIds: readonly string[]): SecurityGroupRuleRow[] {
    if (groupIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM security_group_rules WHERE group_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(json(groupIds)) as SecurityGroupRuleRow[];
  }
}
