-- Tags per scope (docs/decisions.md "Tags").
--
-- A tag belonged to (resource id, key), so the two sides of a resource two scopes see (a VPC peering connection, a
-- transit gateway peering attachment, a shared image) shared one set of tags and overwrote each other's. AWS keeps
-- each account's tags apart, so a tag now belongs to (resource id, account, region, key): the tags table is rebuilt
-- with that key. SQLite cannot change a table's UNIQUE constraint in place, and renaming the new table onto the old
-- name fails while triggers name a dropped `tags`, so every trigger that names tags is dropped first and recreated
-- after, word for word but for the transit gateway attachments one (one row per side: it now removes its own scope's
-- tags). Every row is copied with its seq (DescribeTags pages over seq); both indexes are recreated.

DROP TRIGGER addresses_tags;
DROP TRIGGER carrier_gateways_tags;
DROP TRIGGER customer_gateways_tags;
DROP TRIGGER dhcp_options_tags;
DROP TRIGGER egress_only_internet_gateways_tags;
DROP TRIGGER fleets_tags;
DROP TRIGGER flow_logs_of_deleted_interface;
DROP TRIGGER flow_logs_of_deleted_subnet;
DROP TRIGGER flow_logs_of_deleted_vpc;
DROP TRIGGER hosts_tags;
DROP TRIGGER images_tags;
DROP TRIGGER instances_tags;
DROP TRIGGER internet_gateways_tags;
DROP TRIGGER key_pairs_tags;
DROP TRIGGER launch_templates_tags;
DROP TRIGGER nat_gateways_tags;
DROP TRIGGER network_acls_tags;
DROP TRIGGER network_interfaces_tags;
DROP TRIGGER placement_groups_tags;
DROP TRIGGER prefix_lists_tags;
DROP TRIGGER route_tables_tags;
DROP TRIGGER security_group_rules_tags;
DROP TRIGGER security_groups_tags;
DROP TRIGGER snapshots_tags;
DROP TRIGGER spot_fleet_requests_tags;
DROP TRIGGER spot_instance_requests_tags;
DROP TRIGGER subnet_cidr_reservations_tags;
DROP TRIGGER subnets_tags;
DROP TRIGGER traffic_mirror_filter_rules_tags;
DROP TRIGGER traffic_mirror_filters_tags;
DROP TRIGGER traffic_mirror_sessions_tags;
DROP TRIGGER traffic_mirror_targets_tags;
DROP TRIGGER transit_gateway_attachments_tags;
DROP TRIGGER transit_gateway_route_tables_tags;
DROP TRIGGER transit_gateways_tags;
DROP TRIGGER volumes_tags;
DROP TRIGGER vpc_endpoint_service_permissions_tags;
DROP TRIGGER vpc_endpoint_services_tags;
DROP TRIGGER vpc_endpoints_tags;
DROP TRIGGER vpc_peering_tags;
DROP TRIGGER vpcs_tags;
DROP TRIGGER vpn_connections_tags;
DROP TRIGGER vpn_gateways_tags;

CREATE TABLE tags_026 (
  seq INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  UNIQUE (resource_id, account, region, key)
);
INSERT INTO tags_026 (seq, resource_id, key, value, account, region, resource_type)
SELECT seq, resource_id, key, value, account, region, resource_type FROM tags ORDER BY seq;
-- Each side of a shared resource keeps the tags it was shown until now: the shared rows are copied into every other
-- scope that sees the resource (the sides of a VPC peering connection; the rows of a transit gateway peering
-- attachment, one per side). The old key allowed one row per (resource, key), so the copies cannot collide.
INSERT INTO tags_026 (resource_id, key, value, account, region, resource_type)
SELECT t.resource_id, t.key, t.value, s.account, s.region, t.resource_type
FROM tags t JOIN vpc_peering_sides s ON s.id = t.resource_id
WHERE NOT (s.account = t.account AND s.region = t.region)
ORDER BY t.seq, s.seq;
INSERT INTO tags_026 (resource_id, key, value, account, region, resource_type)
SELECT t.resource_id, t.key, t.value, a.account, a.region, t.resource_type
FROM tags t JOIN transit_gateway_attachments a ON a.id = t.resource_id
WHERE a.peering_role IS NOT NULL AND NOT (a.account = t.account AND a.region = t.region)
ORDER BY t.seq, a.seq;
DROP TABLE tags;
ALTER TABLE tags_026 RENAME TO tags;
CREATE INDEX tags_key_value ON tags (account, region, key, value);
CREATE INDEX tags_scope ON tags (account, region, seq);

-- A resource's tags go with it (every scope's, but for a transit gateway attachment's side).
CREATE TRIGGER addresses_tags AFTER DELETE ON addresses BEGIN DELETE FROM tags WHERE resource_id = OLD.allocation_id; END;
CREATE TRIGGER carrier_gateways_tags AFTER DELETE ON carrier_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER customer_gateways_tags AFTER DELETE ON customer_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER dhcp_options_tags AFTER DELETE ON dhcp_options BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER egress_only_internet_gateways_tags AFTER DELETE ON egress_only_internet_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER fleets_tags AFTER DELETE ON fleets BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER flow_logs_of_deleted_interface AFTER DELETE ON network_interfaces BEGIN
  DELETE FROM tags WHERE resource_id IN (SELECT id FROM flow_logs WHERE resource_id = OLD.id);
  DELETE FROM flow_logs WHERE resource_id = OLD.id;
END;
CREATE TRIGGER flow_logs_of_deleted_subnet AFTER DELETE ON subnets BEGIN
  DELETE FROM tags WHERE resource_id IN (SELECT id FROM flow_logs WHERE resource_id = OLD.id);
  DELETE FROM flow_logs WHERE resource_id = OLD.id;
END;
CREATE TRIGGER flow_logs_of_deleted_vpc AFTER DELETE ON vpcs BEGIN
  DELETE FROM tags WHERE resource_id IN (SELECT id FROM flow_logs WHERE resource_id = OLD.id);
  DELETE FROM flow_logs WHERE resource_id = OLD.id;
END;
CREATE TRIGGER hosts_tags AFTER DELETE ON hosts BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER images_tags AFTER DELETE ON images BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER instances_tags AFTER DELETE ON instances BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER internet_gateways_tags AFTER DELETE ON internet_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER key_pairs_tags AFTER DELETE ON key_pairs BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER launch_templates_tags AFTER DELETE ON launch_templates BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER nat_gateways_tags AFTER DELETE ON nat_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER network_acls_tags AFTER DELETE ON network_acls BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER network_interfaces_tags AFTER DELETE ON network_interfaces BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER placement_groups_tags AFTER DELETE ON placement_groups BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER prefix_lists_tags AFTER DELETE ON prefix_lists BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER route_tables_tags AFTER DELETE ON route_tables BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER security_group_rules_tags AFTER DELETE ON security_group_rules BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER security_groups_tags AFTER DELETE ON security_groups BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER snapshots_tags AFTER DELETE ON snapshots BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER spot_fleet_requests_tags AFTER DELETE ON spot_fleet_requests BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER spot_instance_requests_tags AFTER DELETE ON spot_instance_requests BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER subnet_cidr_reservations_tags AFTER DELETE ON subnet_cidr_reservations BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER subnets_tags AFTER DELETE ON subnets BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER traffic_mirror_filter_rules_tags AFTER DELETE ON traffic_mirror_filter_rules BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER traffic_mirror_filters_tags AFTER DELETE ON traffic_mirror_filters BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER traffic_mirror_sessions_tags AFTER DELETE ON traffic_mirror_sessions BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER traffic_mirror_targets_tags AFTER DELETE ON traffic_mirror_targets BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
-- each side of a peering is its own row with its own tags: a row takes its scope's tags with it
CREATE TRIGGER transit_gateway_attachments_tags AFTER DELETE ON transit_gateway_attachments
BEGIN DELETE FROM tags WHERE resource_id = OLD.id AND account = OLD.account AND region = OLD.region; END;
CREATE TRIGGER transit_gateway_route_tables_tags AFTER DELETE ON transit_gateway_route_tables BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER transit_gateways_tags AFTER DELETE ON transit_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER volumes_tags AFTER DELETE ON volumes BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER vpc_endpoint_service_permissions_tags AFTER DELETE ON vpc_endpoint_service_permissions BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER vpc_endpoint_services_tags AFTER DELETE ON vpc_endpoint_services BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER vpc_endpoints_tags AFTER DELETE ON vpc_endpoints BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER vpc_peering_tags AFTER DELETE ON vpc_peering_connections BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER vpcs_tags AFTER DELETE ON vpcs BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER vpn_connections_tags AFTER DELETE ON vpn_connections BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER vpn_gateways_tags AFTER DELETE ON vpn_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
