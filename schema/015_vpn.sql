-- VPN gateways, customer gateways, VPN connections and route propagation (docs/behavior.md "VPN gateways and
-- connections").
--
-- Deleted gateways and connections stay visible (state `deleted`) until purged, so their references carry no
-- foreign key: a deleted connection must not keep its customer gateway alive.
CREATE TABLE vpn_gateways (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  type TEXT NOT NULL,
  amazon_side_asn INTEGER NOT NULL,
  availability_zone TEXT,
  -- pending | available | deleting | deleted
  state TEXT NOT NULL,
  -- the VPC of the one attachment AWS shows (also after detaching), and its state
  vpc_id TEXT,
  -- attaching | attached | detaching | detached
  attachment_state TEXT,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX vpn_gateways_scope ON vpn_gateways (account, region, seq);
CREATE INDEX vpn_gateways_vpc ON vpn_gateways (vpc_id) WHERE vpc_id IS NOT NULL;
CREATE INDEX vpn_gateways_state ON vpn_gateways (account, region, state);
CREATE TRIGGER vpn_gateways_tags AFTER DELETE ON vpn_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE customer_gateways (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  type TEXT NOT NULL,
  bgp_asn INTEGER NOT NULL,
  ip_address TEXT,
  certificate_arn TEXT,
  device_name TEXT,
  -- available | deleted
  state TEXT NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX customer_gateways_scope ON customer_gateways (account, region, seq);
CREATE INDEX customer_gateways_ip ON customer_gateways (account, region, ip_address);
CREATE TRIGGER customer_gateways_tags AFTER DELETE ON customer_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE vpn_connections (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  type TEXT NOT NULL,
  customer_gateway_id TEXT NOT NULL,
  vpn_gateway_id TEXT,
  transit_gateway_id TEXT,
  static_routes_only INTEGER NOT NULL,
  -- the request's Options (tunnel options included) as JSON, for the view
  options TEXT NOT NULL,
  -- the two tunnels' outside addresses (JSON array), fixed at creation
  tunnel_ips TEXT NOT NULL,
  -- pending | available | deleting | deleted
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX vpn_connections_scope ON vpn_connections (account, region, seq);
CREATE INDEX vpn_connections_cgw ON vpn_connections (customer_gateway_id, state);
CREATE INDEX vpn_connections_vgw ON vpn_connections (vpn_gateway_id, state) WHERE vpn_gateway_id IS NOT NULL;
CREATE INDEX vpn_connections_state ON vpn_connections (account, region, state);
CREATE TRIGGER vpn_connections_tags AFTER DELETE ON vpn_connections BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- A connection's static routes (CreateVpnConnectionRoute).
CREATE TABLE vpn_connection_routes (
  seq INTEGER PRIMARY KEY,
  vpn_connection_id TEXT NOT NULL REFERENCES vpn_connections (id) ON DELETE CASCADE,
  destination_cidr TEXT NOT NULL,
  -- pending | available | deleting | deleted
  state TEXT NOT NULL,
  UNIQUE (vpn_connection_id, destination_cidr)
);

-- EnableVgwRoutePropagation: the route table shows the gateway in PropagatingVgws and its connections' static
-- routes (computed by the view, never stored in routes).
CREATE TABLE route_table_propagations (
  seq INTEGER PRIMARY KEY,
  route_table_id TEXT NOT NULL REFERENCES route_tables (id) ON DELETE CASCADE,
  vpn_gateway_id TEXT NOT NULL,
  UNIQUE (route_table_id, vpn_gateway_id)
);
CREATE INDEX route_table_propagations_vgw ON route_table_propagations (vpn_gateway_id);

-- Traffic mirroring (docs/behavior.md "Traffic mirroring"): targets, filters with their rules, sessions. A
-- target or a session goes with its interface (the interface's owner deleted it, e.g. at terminate); DeleteNetworkInterface
-- itself refuses an interface that is a target.
CREATE TABLE traffic_mirror_targets (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- network-interface | network-load-balancer | gateway-load-balancer-endpoint
  type TEXT NOT NULL,
  network_interface_id TEXT REFERENCES network_interfaces (id) ON DELETE CASCADE,
  network_load_balancer_arn TEXT,
  gateway_load_balancer_endpoint_id TEXT,
  description TEXT
);
CREATE INDEX traffic_mirror_targets_scope ON traffic_mirror_targets (account, region, seq);
CREATE INDEX traffic_mirror_targets_eni ON traffic_mirror_targets (network_interface_id) WHERE network_interface_id IS NOT NULL;
CREATE TRIGGER traffic_mirror_targets_tags AFTER DELETE ON traffic_mirror_targets BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE traffic_mirror_filters (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  description TEXT
);
CREATE INDEX traffic_mirror_filters_scope ON traffic_mirror_filters (account, region, seq);
CREATE TRIGGER traffic_mirror_filters_tags AFTER DELETE ON traffic_mirror_filters BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE traffic_mirror_filter_rules (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  filter_id TEXT NOT NULL REFERENCES traffic_mirror_filters (id) ON DELETE CASCADE,
  -- ingress | egress
  direction TEXT NOT NULL,
  rule_number INTEGER NOT NULL,
  -- accept | reject
  action TEXT NOT NULL,
  protocol INTEGER,
  destination_from_port INTEGER,
  destination_to_port INTEGER,
  source_from_port INTEGER,
  source_to_port INTEGER,
  destination_cidr TEXT NOT NULL,
  source_cidr TEXT NOT NULL,
  description TEXT,
  UNIQUE (filter_id, direction, rule_number)
);
CREATE TRIGGER traffic_mirror_filter_rules_tags AFTER DELETE ON traffic_mirror_filter_rules BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE traffic_mirror_sessions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id) ON DELETE CASCADE,
  target_id TEXT NOT NULL REFERENCES traffic_mirror_targets (id) ON DELETE CASCADE,
  filter_id TEXT NOT NULL REFERENCES traffic_mirror_filters (id),
  packet_length INTEGER,
  session_number INTEGER NOT NULL,
  virtual_network_id INTEGER NOT NULL,
  description TEXT,
  -- a session number is unique per source interface
  UNIQUE (network_interface_id, session_number)
);
CREATE INDEX traffic_mirror_sessions_scope ON traffic_mirror_sessions (account, region, seq);
CREATE INDEX traffic_mirror_sessions_target ON traffic_mirror_sessions (target_id);
CREATE INDEX traffic_mirror_sessions_filter ON traffic_mirror_sessions (filter_id);
CREATE TRIGGER traffic_mirror_sessions_tags AFTER DELETE ON traffic_mirror_sessions BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
