/**
 * nova-network state: the VPC of each scope's nova networks, the networks, which host has set up which
 * network, and the joins the host plumbing renders read (VIFs of a network, floating addresses on them).
 * See docs/behavior.md "nova network managers".
 */
import type { Database } from './db';
import type { Scope } from './query';
import { toSql } from './table';

export interface NovaNetworkRow {
  id: number;
  uuid: string;
  account: string;
  region: string;
  manager: 'flat' | 'flatdhcp' | 'vlan';
  label: string;
  cidr: string;
  cidr_base: number;
  cidr_size: number;
  netmask: string;
  gateway: string;
  broadcast: string;
  dhcp_start: string;
  dns1: string | null;
  dns2: string | null;
  vlan: number | null;
  bridge: string;
  bridge_interface: string | null;
  vpn_private_address: string | null;
  vpn_public_address: string | null;
  vpn_public_port: number | null;
  multi_host: number;
  host: string | null;
  cidr_v6: string | null;
  gateway_v6: string | null;
  netmask_v6: string | null;
  injected: number;
  subnet_id: string;
  created_at: number;
}

export interface NovaSetupRow {
  network_id: number;
  host: string;
  dhcp_server: string;
  dhcp_interface_id: string | null;
  mac_address: string;
  setup_at: number;
}

/** A VIF as the renders see it: an interface of the network's subnet attached (attaching/attached) to an instance. */
interface NovaVifRow {
  network_interface_id: string;
  mac_address: string;
  private_ip: string;
  ip_int: number;
  device_index: number;
  network_card_index: number;
  instance_id: string;
  instance_seq: number;
  instance_state: string;
  launch_time: number;
}

/** A public (Elastic or launch-time) address associated with an interface of the network: nova's floating IP. */
export interface NovaFloatingRow {
  public_ip: string;
  public_ip_int: number;
  private_ip: string;
  allocation_id: string | null;
  network_interface_id: string;
}

/**
 * The compare-and-set that claims a network for a host: only a network without a host is updated, so of several
 * concurrent claimers exactly one sees `changes = 1`. Exported so that tests can run the very same statement from
 * other connections (worker threads) against one database file.
 */
export const CLAIM_NETWORK_HOST_SQL = 'UPDATE nova_networks SET host = ? WHERE id = ? AND host IS NULL';

export class NovaRepo {
  constructor(private readonly db: Database) {}

  // --- the nova VPC of a scope ---

  scopeVpc(scope: Scope): string | undefined {
    return this.db.prepare('SELECT vpc_id FROM nova_scopes WHERE account = ? AND region = ?').pluck().get(scope.account, scope.region) as
      | string
      | undefined;
  }

  setScopeVpc(scope: Scope, vpcId: string): void {
    this.db.prepare('INSERT INTO nova_scopes (account, region, vpc_id) VALUES (?, ?, ?)').run(scope.account, scope.region, vpcId);
  }

  /** Widens the nova VPC's block (and its main route table's local route) to hold networks outside it. */
  widenVpc(vpcId: string, from: string, to: string): void {
    this.db.prepare('UPDATE vpcs SET cidr = ? WHERE id = ?').run(to, vpcId);
    this.db
      .prepare(
        `UPDATE routes SET destination_cidr = ? WHERE gateway_id = 'local' AND destination_cidr = ?
           AND route_table_id IN (SELECT id FROM route_tables WHERE vpc_id = ?)`,
      )
      .run(to, from, vpcId);
  }

  // --- networks ---

  insert(row: Omit<NovaNetworkRow, 'id'>): number {
    const cols = Object.keys(row);
    const info = this.db
      .prepare(`INSERT INTO nova_networks (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => toSql((row as Record<string, unknown>)[c])));
    return Number(info.lastInsertRowid);
  }

  get(id: number): NovaNetworkRow | undefined {
    return this.db.prepare('SELECT * FROM nova_networks WHERE id = ?').get(id) as NovaNetworkRow | undefined;
  }

  bySubnet(subnetId: string): NovaNetworkRow | undefined {
    return this.db.prepare('SELECT * FROM nova_networks WHERE subnet_id = ?').get(subnetId) as NovaNetworkRow | undefined;
  }

  /** The networks of a scope (nova's project), by id. */
  ofScope(scope: Scope): NovaNetworkRow[] {
    return this.db.prepare('SELECT * FROM nova_networks WHERE account = ? AND region = ? ORDER BY id').all(scope.account, scope.region) as NovaNetworkRow[];
  }

  /** Every network of a region, all accounts (nova's network table of one deployment). */
  ofRegion(region: string): NovaNetworkRow[] {
    return this.db.prepare('SELECT * FROM nova_networks WHERE region = ? ORDER BY id').all(region) as NovaNetworkRow[];
  }

  list(filter: { account?: string; region?: string } = {}): NovaNetworkRow[] {
    return this.db
      .prepare('SELECT * FROM nova_networks WHERE (? IS NULL OR account = ?) AND (? IS NULL OR region = ?) ORDER BY id')
      .all(filter.account ?? null, filter.account ?? null, filter.region ?? null, filter.region ?? null) as NovaNetworkRow[];
  }

  /** Sets the network's host unless one is set already; true when this call won. */
  claimHost(id: number, host: string): boolean {
    return this.db.prepare(CLAIM_NETWORK_HOST_SQL).run(host, id).changes === 1;
  }

  /** How many non-multi-host networks each host has claimed. */
  claimCounts(): Map<string, number> {
    const rows = this.db
      .prepare('SELECT host, count(*) AS n FROM nova_networks WHERE host IS NOT NULL GROUP BY host')
      .all() as Array<{ host: string; n: number }>;
    return new Map(rows.map((r) => [r.host, r.n]));
  }

  /** VLAN: the first host to set the network up records its address as the VPN public address. */
  setVpnPublicAddress(id: number, address: string): void {
    this.db.prepare('UPDATE nova_networks SET vpn_public_address = ? WHERE id = ? AND vpn_public_address IS NULL').run(address, id);
  }

  /** The nova networks behind an instance's interfaces, in device order (card, then index), each once. */
  ofInstance(instanceId: string): NovaNetworkRow[] {
    return this.db
      .prepare(
        `SELECT nn.* FROM attachments a
           JOIN network_interfaces n ON n.id = a.network_interface_id
           JOIN nova_networks nn ON nn.subnet_id = n.subnet_id
         WHERE a.instance_id = ?
         GROUP BY nn.id
         ORDER BY min(a.network_card_index * 1000 + a.device_index)`,
      )
      .all(instanceId) as NovaNetworkRow[];
  }

  // --- setups (which host serves which network) ---

  setup(networkId: number, host: string): NovaSetupRow | undefined {
    return this.db.prepare('SELECT * FROM nova_network_setups WHERE network_id = ? AND host = ?').get(networkId, host) as NovaSetupRow | undefined;
  }

  insertSetup(row: NovaSetupRow): void {
    this.db
      .prepare(
        'INSERT INTO nova_network_setups (network_id, host, dhcp_server, dhcp_interface_id, mac_address, setup_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(row.network_id, row.host, row.dhcp_server, row.dhcp_interface_id, row.mac_address, row.setup_at);
  }

  setups(): NovaSetupRow[] {
    return this.db.prepare('SELECT * FROM nova_network_setups ORDER BY network_id, host').all() as NovaSetupRow[];
  }

  setupsOfHost(host: string): NovaSetupRow[] {
    return this.db.prepare('SELECT * FROM nova_network_setups WHERE host = ? ORDER BY network_id').all(host) as NovaSetupRow[];
  }

  // --- what the renders read ---

  /** The VIFs of a network: its interfaces attached (attaching or attached) to an instance, by address. */
  vifs(subnetId: string): NovaVifRow[] {
    return this.db
      .prepare(
        `SELECT n.id AS network_interface_id, n.mac_address, n.private_ip, p.ip_int, a.device_index, a.network_card_index,
                i.id AS instance_id, i.seq AS instance_seq, i.state AS instance_state, i.launch_time
           FROM network_interfaces n
           JOIN attachments a ON a.network_interface_id = n.id
           JOIN instances i ON i.id = a.instance_id
           JOIN private_ips p ON p.network_interface_id = n.id AND p.is_primary = 1
          WHERE n.subnet_id = ? AND a.status IN ('attaching', 'attached')
          ORDER BY p.ip_int`,
      )
      .all(subnetId) as NovaVifRow[];
  }

  /** Public addresses associated with interfaces of the network, by public address. */
  floating(subnetId: string): NovaFloatingRow[] {
    return this.db
      .prepare(
        `SELECT a.public_ip, a.public_ip_int, a.private_ip, a.allocation_id, a.network_interface_id
           FROM addresses a JOIN network_interfaces n ON n.id = a.network_interface_id
          WHERE n.subnet_id = ? AND a.private_ip IS NOT NULL
          ORDER BY a.public_ip_int`,
      )
      .all(subnetId) as NovaFloatingRow[];
  }

  vpcCidr(vpcId: string): string | undefined {
    return this.db.prepare('SELECT cidr FROM vpcs WHERE id = ?').pluck().get(vpcId) as string | undefined;
  }
}
