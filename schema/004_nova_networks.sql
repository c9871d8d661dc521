-- nova-network managers: the networks of the flat, flatdhcp and vlan managers, and which network host
-- has set up which network. Each nova network is presented to the EC2 API as a subnet (its `subnet_id`) of one VPC
-- per (account, region) (`nova_scopes`); its VIFs are ordinary network interfaces of that subnet, so addresses,
-- MACs (02:16:3e:…) and attachments follow the shared rules. Nothing here is read by the EC2 API itself.
-- See docs/behavior.md "nova network managers".

-- The VPC that holds a scope's nova networks (created with the scope's first network).
CREATE TABLE nova_scopes (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL UNIQUE REFERENCES vpcs (id) ON DELETE CASCADE,
  PRIMARY KEY (account, region)
) WITHOUT ROWID;

CREATE TABLE nova_networks (
  -- nova's integer network id (NETWORK_ID=, NW-i…-<id>); no AUTOINCREMENT, so a reset starts again at 1
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  -- nova's project_id is the account
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- flat | flatdhcp | vlan: the region's manager when the network was created
  manager TEXT NOT NULL,
  label TEXT NOT NULL,
  cidr TEXT NOT NULL,
  cidr_base INTEGER NOT NULL,
  cidr_size INTEGER NOT NULL,
  netmask TEXT NOT NULL,
  gateway TEXT NOT NULL,
  broadcast TEXT NOT NULL,
  dhcp_start TEXT NOT NULL,
  dns1 TEXT,
  dns2 TEXT,
  vlan INTEGER,
  bridge TEXT NOT NULL,
  bridge_interface TEXT,
  vpn_private_address TEXT,
  vpn_public_address TEXT,
  vpn_public_port INTEGER,
  multi_host INTEGER NOT NULL DEFAULT 0,
  -- the network host serving a non-multi-host network: null until the first allocation claims it with a
  -- compare-and-set (UPDATE … WHERE host IS NULL), so exactly one claimer wins
  host TEXT,
  cidr_v6 TEXT,
  gateway_v6 TEXT,
  netmask_v6 TEXT,
  injected INTEGER NOT NULL DEFAULT 0,
  subnet_id TEXT NOT NULL UNIQUE REFERENCES subnets (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);
CREATE INDEX nova_networks_scope ON nova_networks (account, region, id);
CREATE INDEX nova_networks_region ON nova_networks (region, cidr_base);
CREATE INDEX nova_networks_host ON nova_networks (host);

-- Hosts that have set a network up (nova's _setup_network): the claimed host of a non-multi-host network, or each
-- compute host serving a multi-host network. `dhcp_server` is the gateway, or for multi-host the host's own fixed
-- IP taken from the pool (held by a requester-managed interface); `mac_address` is the bridge/VLAN device's MAC.
CREATE TABLE nova_network_setups (
  network_id INTEGER NOT NULL REFERENCES nova_networks (id) ON DELETE CASCADE,
  host TEXT NOT NULL,
  dhcp_server TEXT NOT NULL,
  dhcp_interface_id TEXT REFERENCES network_interfaces (id) ON DELETE SET NULL,
  mac_address TEXT NOT NULL,
  setup_at INTEGER NOT NULL,
  PRIMARY KEY (network_id, host)
) WITHOUT ROWID;
CREATE INDEX nova_network_setups_host ON nova_network_setups (host, network_id);
