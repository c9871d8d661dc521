-- Transit gateways, their route tables, VPC attachments, associations, propagations and static routes
-- (docs/behavior.md "Transit gateways"). Deleted gateways, tables and attachments stay visible (state `deleted`)
-- until purged, like NAT gateways, so references between them carry no foreign key.
CREATE TABLE transit_gateways (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  description TEXT,
  -- pending | available | modifying | deleting | deleted
  state TEXT NOT NULL,
  amazon_side_asn INTEGER NOT NULL,
  auto_accept_shared_attachments TEXT NOT NULL,
  default_route_table_association TEXT NOT NULL,
  association_default_route_table_id TEXT,
  default_route_table_propagation TEXT NOT NULL,
  propagation_default_route_table_id TEXT,
  vpn_ecmp_support TEXT NOT NULL,
  dns_support TEXT NOT NULL,
  security_group_referencing_support TEXT NOT NULL,
  multicast_support TEXT NOT NULL,
  -- JSON array of CIDR blocks
  cidr_blocks TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX transit_gateways_scope ON transit_gateways (account, region, seq);
CREATE INDEX transit_gateways_state ON transit_gateways (account, region, state);
CREATE TRIGGER transit_gateways_tags AFTER DELETE ON transit_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE transit_gateway_route_tables (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  transit_gateway_id TEXT NOT NULL,
  -- pending | available | deleting | deleted
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX transit_gateway_route_tables_scope ON transit_gateway_route_tables (account, region, seq);
CREATE INDEX transit_gateway_route_tables_gateway ON transit_gateway_route_tables (transit_gateway_id, seq);
CREATE INDEX transit_gateway_route_tables_state ON transit_gateway_route_tables (account, region, state);
CREATE TRIGGER transit_gateway_route_tables_tags AFTER DELETE ON transit_gateway_route_tables BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE transit_gateway_attachments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  transit_gateway_id TEXT NOT NULL,
  transit_gateway_owner_id TEXT NOT NULL,
  -- vpc (peering later)
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  resource_owner_id TEXT NOT NULL,
  -- pending | available | modifying | deleting | deleted
  state TEXT NOT NULL,
  dns_support TEXT NOT NULL,
  ipv6_support TEXT NOT NULL,
  appliance_mode_support TEXT NOT NULL,
  security_group_referencing_support TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX transit_gateway_attachments_scope ON transit_gateway_attachments (account, region, seq);
CREATE INDEX transit_gateway_attachments_gateway ON transit_gateway_attachments (transit_gateway_id, seq);
CREATE INDEX transit_gateway_attachments_resource ON transit_gateway_attachments (resource_id, seq);
CREATE INDEX transit_gateway_attachments_state ON transit_gateway_attachments (account, region, state);
CREATE TRIGGER transit_gateway_attachments_tags AFTER DELETE ON transit_gateway_attachments BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- One requester-managed interface per attached subnet.
CREATE TABLE transit_gateway_attachment_subnets (
  attachment_id TEXT NOT NULL,
  subnet_id TEXT NOT NULL,
  network_interface_id TEXT,
  PRIMARY KEY (attachment_id, subnet_id)
);
CREATE INDEX transit_gateway_attachment_subnets_subnet ON transit_gateway_attachment_subnets (subnet_id);
CREATE INDEX transit_gateway_attachment_subnets_eni ON transit_gateway_attachment_subnets (network_interface_id);

-- An attachment is associated with at most one route table, and propagates to any number. Rows carry the
-- scope and a seq so Get*Associations / Get*Propagations page over them like any Describe.
CREATE TABLE transit_gateway_associations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE, -- the attachment id
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  route_table_id TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX transit_gateway_associations_table ON transit_gateway_associations (route_table_id, seq);

CREATE TABLE transit_gateway_propagations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL, -- the attachment id
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  route_table_id TEXT NOT NULL,
  state TEXT NOT NULL,
  UNIQUE (route_table_id, id)
);
CREATE INDEX transit_gateway_propagations_attachment ON transit_gateway_propagations (id);

-- Static routes (a target attachment, or a blackhole); propagated routes are derived from the attachments.
CREATE TABLE transit_gateway_routes (
  seq INTEGER PRIMARY KEY,
  route_table_id TEXT NOT NULL,
  destination_cidr TEXT NOT NULL,
  attachment_id TEXT,
  blackhole INTEGER NOT NULL DEFAULT 0,
  UNIQUE (route_table_id, destination_cidr)
);
CREATE INDEX transit_gateway_routes_attachment ON transit_gateway_routes (attachment_id) WHERE attachment_id IS NOT NULL;

-- VPC routes through a transit gateway; re-derived when the gateway or its attachments change.
ALTER TABLE routes ADD COLUMN transit_gateway_id TEXT;
CREATE INDEX routes_transit_gateway ON routes (transit_gateway_id) WHERE transit_gateway_id IS NOT NULL;
