-- VPC plumbing: scopes (account x region), VPCs, subnets, security groups and rules, route tables, internet
-- gateways, DHCP option sets, tags and idempotency tokens.
-- Every resource row carries (account, region); ids are globally unique. `seq` is the creation order that
-- describe calls page through.

CREATE TABLE scopes (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  default_vpc_id TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account, region)
) WITHOUT ROWID;

CREATE TABLE dhcp_options (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  domain_name TEXT NOT NULL,
  domain_name_servers TEXT NOT NULL DEFAULT 'AmazonProvidedDNS'
);

CREATE TABLE vpcs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  cidr TEXT NOT NULL,
  cidr_association_id TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'available',
  instance_tenancy TEXT NOT NULL DEFAULT 'default',
  dhcp_options_id TEXT,
  network_acl_id TEXT NOT NULL,
  enable_dns_support INTEGER NOT NULL DEFAULT 1,
  enable_dns_hostnames INTEGER NOT NULL DEFAULT 0,
  enable_network_address_usage_metrics INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX vpcs_scope ON vpcs (account, region, seq);
CREATE INDEX vpcs_cidr ON vpcs (account, region, cidr);

CREATE TABLE subnets (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL REFERENCES vpcs (id),
  cidr TEXT NOT NULL,
  -- first address and size of the block, as integers, for containment and allocation
  cidr_base INTEGER NOT NULL,
  cidr_size INTEGER NOT NULL,
  availability_zone TEXT NOT NULL,
  default_for_az INTEGER NOT NULL DEFAULT 0,
  map_public_ip_on_launch INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'available',
  -- addresses in use, kept exact by the private_ips triggers (schema 002)
  used_ips INTEGER NOT NULL DEFAULT 0,
  -- no address below this one is free (the allocator's starting point; lowered when one is released)
  alloc_hint INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX subnets_scope ON subnets (account, region, seq);
CREATE INDEX subnets_vpc ON subnets (vpc_id, cidr_base);

CREATE TABLE security_groups (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL REFERENCES vpcs (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  UNIQUE (vpc_id, name)
);
CREATE INDEX security_groups_scope ON security_groups (account, region, seq);
CREATE INDEX security_groups_name ON security_groups (account, region, name);

CREATE TABLE security_group_rules (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  group_id TEXT NOT NULL REFERENCES security_groups (id) ON DELETE CASCADE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  is_egress INTEGER NOT NULL,
  ip_protocol TEXT NOT NULL,
  from_port INTEGER,
  to_port INTEGER,
  cidr_ipv4 TEXT,
  cidr_ipv6 TEXT,
  prefix_list_id TEXT,
  ref_group_id TEXT,
  ref_user_id TEXT,
  description TEXT
);
CREATE INDEX security_group_rules_group ON security_group_rules (group_id, seq);
CREATE INDEX security_group_rules_ref ON security_group_rules (ref_group_id);
CREATE INDEX security_group_rules_scope ON security_group_rules (account, region, seq);

CREATE TABLE route_tables (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL REFERENCES vpcs (id)
);
CREATE INDEX route_tables_scope ON route_tables (account, region, seq);
CREATE INDEX route_tables_vpc ON route_tables (vpc_id);

CREATE TABLE routes (
  seq INTEGER PRIMARY KEY,
  route_table_id TEXT NOT NULL REFERENCES route_tables (id) ON DELETE CASCADE,
  destination_cidr TEXT NOT NULL,
  gateway_id TEXT,
  network_interface_id TEXT,
  instance_id TEXT,
  instance_owner_id TEXT,
  nat_gateway_id TEXT,
  origin TEXT NOT NULL,
  state TEXT NOT NULL,
  UNIQUE (route_table_id, destination_cidr)
);
CREATE INDEX routes_eni ON routes (network_interface_id);
CREATE INDEX routes_gateway ON routes (gateway_id);

CREATE TABLE route_table_associations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  route_table_id TEXT NOT NULL REFERENCES route_tables (id),
  vpc_id TEXT NOT NULL REFERENCES vpcs (id),
  subnet_id TEXT UNIQUE REFERENCES subnets (id),
  gateway_id TEXT,
  is_main INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX route_table_associations_table ON route_table_associations (route_table_id);
CREATE UNIQUE INDEX route_table_associations_main ON route_table_associations (vpc_id) WHERE is_main = 1;

CREATE TABLE internet_gateways (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT REFERENCES vpcs (id)
);
CREATE INDEX internet_gateways_scope ON internet_gateways (account, region, seq);
-- a VPC has at most one internet gateway
CREATE UNIQUE INDEX internet_gateways_vpc ON internet_gateways (vpc_id) WHERE vpc_id IS NOT NULL;

CREATE TABLE tags (
  seq INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  UNIQUE (resource_id, key)
);
CREATE INDEX tags_key_value ON tags (account, region, key, value);
CREATE INDEX tags_scope ON tags (account, region, seq);

CREATE TABLE client_tokens (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  action TEXT NOT NULL,
  token TEXT NOT NULL,
  params_hash TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account, region, action, token)
) WITHOUT ROWID;

-- A resource's tags go with it.
CREATE TRIGGER vpcs_tags AFTER DELETE ON vpcs BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER subnets_tags AFTER DELETE ON subnets BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER security_groups_tags AFTER DELETE ON security_groups BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER security_group_rules_tags AFTER DELETE ON security_group_rules BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER route_tables_tags AFTER DELETE ON route_tables BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER internet_gateways_tags AFTER DELETE ON internet_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER dhcp_options_tags AFTER DELETE ON dhcp_options BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
