-- Network ACLs (with their entries and subnet associations), DHCP option sets as key/value lists, and the reverse
-- DNS (PTR) record of Elastic IPs. docs/behavior.md "Network ACLs", "DHCP option sets", "Elastic IP address
-- attributes".

-- ---- network ACLs ----
CREATE TABLE network_acls (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL REFERENCES vpcs (id),
  is_default INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX network_acls_scope ON network_acls (account, region, seq);
CREATE INDEX network_acls_vpc ON network_acls (vpc_id, is_default);
CREATE TRIGGER network_acls_tags AFTER DELETE ON network_acls BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- One rule per (direction, number). protocol is the number as AWS shows it ('-1' = all).
CREATE TABLE network_acl_entries (
  seq INTEGER PRIMARY KEY,
  network_acl_id TEXT NOT NULL REFERENCES network_acls (id) ON DELETE CASCADE,
  egress INTEGER NOT NULL,
  rule_number INTEGER NOT NULL,
  protocol TEXT NOT NULL,
  rule_action TEXT NOT NULL,
  cidr_ipv4 TEXT,
  cidr_ipv6 TEXT,
  icmp_type INTEGER,
  icmp_code INTEGER,
  port_from INTEGER,
  port_to INTEGER,
  UNIQUE (network_acl_id, egress, rule_number)
);
CREATE INDEX network_acl_entries_cidr ON network_acl_entries (cidr_ipv4);

-- Every subnet has exactly one association (UNIQUE subnet_id; created with the subnet, removed with it).
CREATE TABLE network_acl_associations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  network_acl_id TEXT NOT NULL REFERENCES network_acls (id),
  subnet_id TEXT NOT NULL UNIQUE REFERENCES subnets (id)
);
CREATE INDEX network_acl_associations_acl ON network_acl_associations (network_acl_id, seq);

-- Existing VPCs get their default ACL (the id they already showed), its default entries, and an association for
-- each subnet.
INSERT INTO network_acls (id, account, region, vpc_id, is_default)
  SELECT network_acl_id, account, region, id, 1 FROM vpcs ORDER BY seq;
INSERT INTO network_acl_entries (network_acl_id, egress, rule_number, protocol, rule_action, cidr_ipv4)
  SELECT a.id, d.egress, d.rule_number, '-1', d.rule_action, '0.0.0.0/0'
  FROM network_acls a,
       (SELECT 1 AS egress, 100 AS rule_number, 'allow' AS rule_action UNION ALL SELECT 1, 32767, 'deny'
        UNION ALL SELECT 0, 100, 'allow' UNION ALL SELECT 0, 32767, 'deny') d
  ORDER BY a.seq;
INSERT INTO network_acl_associations (id, network_acl_id, subnet_id)
  SELECT 'aclassoc-' || substr(lower(hex(randomblob(9))), 1, 17), v.network_acl_id, s.id
  FROM subnets s JOIN vpcs v ON v.id = s.vpc_id ORDER BY s.seq;

-- ---- DHCP option sets: any keys, several values each (the old table had two fixed columns) ----
CREATE TABLE dhcp_options_new (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- the scope's default set, made by the emulator (every set before this migration was one)
  is_default INTEGER NOT NULL DEFAULT 0
);
INSERT INTO dhcp_options_new (seq, id, account, region, is_default) SELECT seq, id, account, region, 1 FROM dhcp_options;

CREATE TABLE dhcp_option_values (
  seq INTEGER PRIMARY KEY,
  dhcp_options_id TEXT NOT NULL REFERENCES dhcp_options_new (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL
);
INSERT INTO dhcp_option_values (dhcp_options_id, key, value) SELECT id, 'domain-name', domain_name FROM dhcp_options ORDER BY seq;
INSERT INTO dhcp_option_values (dhcp_options_id, key, value)
  SELECT d.id, 'domain-name-servers', trim(j.value)
  FROM dhcp_options d, json_each('["' || replace(d.domain_name_servers, ',', '","') || '"]') j
  ORDER BY d.seq, j.key;

DROP TABLE dhcp_options;
ALTER TABLE dhcp_options_new RENAME TO dhcp_options;
CREATE INDEX dhcp_options_scope ON dhcp_options (account, region, seq);
CREATE INDEX dhcp_options_default ON dhcp_options (account, region, is_default);
CREATE INDEX dhcp_option_values_set ON dhcp_option_values (dhcp_options_id, key, seq);
CREATE INDEX dhcp_option_values_value ON dhcp_option_values (value);
CREATE INDEX vpcs_dhcp_options ON vpcs (dhcp_options_id);
CREATE TRIGGER dhcp_options_tags AFTER DELETE ON dhcp_options BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- ---- Elastic IP reverse DNS: the record in force and a change in progress (ModifyAddressAttribute) ----
ALTER TABLE addresses ADD COLUMN ptr_record TEXT;
-- the requested record ('' = reset to none) while the change is PENDING; NULL when none is in progress
ALTER TABLE addresses ADD COLUMN ptr_update TEXT;
