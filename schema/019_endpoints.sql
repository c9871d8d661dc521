-- Managed prefix lists and VPC endpoints (docs/behavior.md "Managed prefix lists", "VPC endpoints").
--
-- A prefix list keeps every version's entries (GetManagedPrefixListEntries TargetVersion, RestoreManagedPrefixListVersion).
-- The AWS-managed lists of a region (com.amazonaws.<region>.s3 / .dynamodb) are rows whose account is 'AWS': every
-- account of the region sees them, nobody may change them.
CREATE TABLE prefix_lists (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  -- IPv4 | IPv6
  address_family TEXT NOT NULL,
  max_entries INTEGER NOT NULL,
  version INTEGER NOT NULL,
  -- create-in-progress | create-complete | modify-in-progress | modify-complete | restore-in-progress | restore-complete
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX prefix_lists_scope ON prefix_lists (account, region, seq);
CREATE INDEX prefix_lists_name ON prefix_lists (region, name);
CREATE TRIGGER prefix_lists_tags AFTER DELETE ON prefix_lists BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE prefix_list_entries (
  prefix_list_id TEXT NOT NULL REFERENCES prefix_lists (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  cidr TEXT NOT NULL,
  description TEXT,
  PRIMARY KEY (prefix_list_id, version, cidr)
);

-- What references a list (a list in use cannot be deleted): routes store a prefix-list destination in
-- destination_cidr (it holds 'pl-...'), security group rules in prefix_list_id.
CREATE INDEX routes_destination ON routes (destination_cidr);
CREATE INDEX security_group_rules_prefix_list ON security_group_rules (prefix_list_id) WHERE prefix_list_id IS NOT NULL;

-- VPC endpoints. Gateway endpoints route to their service's AWS-managed prefix list through the chosen tables
-- (routes with gateway_id = the vpce- id); interface endpoints own one requester-managed interface per subnet.
CREATE TABLE vpc_endpoints (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL,
  service_name TEXT NOT NULL,
  -- Gateway | Interface
  endpoint_type TEXT NOT NULL,
  -- pending | available | deleting | deleted
  state TEXT NOT NULL,
  policy_document TEXT,
  private_dns_enabled INTEGER NOT NULL DEFAULT 0,
  ip_address_type TEXT NOT NULL DEFAULT 'ipv4',
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX vpc_endpoints_scope ON vpc_endpoints (account, region, seq);
CREATE INDEX vpc_endpoints_vpc ON vpc_endpoints (vpc_id, seq);
CREATE INDEX vpc_endpoints_service ON vpc_endpoints (account, region, service_name);
CREATE INDEX vpc_endpoints_state ON vpc_endpoints (account, region, state);
CREATE TRIGGER vpc_endpoints_tags AFTER DELETE ON vpc_endpoints BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- An endpoint's route tables, subnets (with the interface it has there) and security groups.
CREATE TABLE vpc_endpoint_links (
  endpoint_id TEXT NOT NULL REFERENCES vpc_endpoints (id) ON DELETE CASCADE,
  -- route-table | subnet | security-group
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  network_interface_id TEXT,
  seq INTEGER NOT NULL,
  PRIMARY KEY (endpoint_id, kind, ref_id)
);
CREATE INDEX vpc_endpoint_links_ref ON vpc_endpoint_links (ref_id);
CREATE INDEX vpc_endpoint_links_eni ON vpc_endpoint_links (network_interface_id) WHERE network_interface_id IS NOT NULL;
