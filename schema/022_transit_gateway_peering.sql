-- Transit gateway peering attachments (docs/behavior.md "Transit gateway peering").
--
-- A peering attachment joins a gateway of the caller's scope (the requester) to a gateway of any scope of the
-- emulator (the accepter). Each side is a row of transit_gateway_attachments in its own scope, with its own
-- gateway as transit_gateway_id and the other side's gateway as resource_id, so DescribeTransitGatewayAttachments,
-- associations and routes work on it as on a VPC attachment. Across scopes both rows carry the same id (as AWS
-- shows one id to both accounts), so the id is unique per scope only: the attachments and associations tables are
-- rebuilt with (id, account, region) as their key. A peering inside one scope gets a second id for the accepter.
CREATE TABLE transit_gateway_attachments_022 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  transit_gateway_id TEXT NOT NULL,
  transit_gateway_owner_id TEXT NOT NULL,
  -- vpc | peering
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  resource_owner_id TEXT NOT NULL,
  -- pending | available | modifying | deleting | deleted; peering: initiatingRequest | pendingAcceptance |
  -- rejecting | rejected | failed too
  state TEXT NOT NULL,
  dns_support TEXT NOT NULL,
  ipv6_support TEXT NOT NULL,
  appliance_mode_support TEXT NOT NULL,
  security_group_referencing_support TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER,
  -- peering only: requester | accepter, the other side's scope and id, options and status message
  peering_role TEXT,
  peer_account TEXT,
  peer_region TEXT,
  peer_attachment_id TEXT,
  dynamic_routing TEXT,
  status_message TEXT,
  UNIQUE (id, account, region)
);
INSERT INTO transit_gateway_attachments_022 (seq, id, account, region, transit_gateway_id, transit_gateway_owner_id, resource_type,
  resource_id, resource_owner_id, state, dns_support, ipv6_support, appliance_mode_support, security_group_referencing_support,
  created_at, deleted_at)
SELECT seq, id, account, region, transit_gateway_id, transit_gateway_owner_id, resource_type, resource_id, resource_owner_id, state,
  dns_support, ipv6_support, appliance_mode_support, security_group_referencing_support, created_at, deleted_at
FROM transit_gateway_attachments;
DROP TABLE transit_gateway_attachments;
ALTER TABLE transit_gateway_attachments_022 RENAME TO transit_gateway_attachments;
CREATE INDEX transit_gateway_attachments_scope ON transit_gateway_attachments (account, region, seq);
CREATE INDEX transit_gateway_attachments_gateway ON transit_gateway_attachments (transit_gateway_id, seq);
CREATE INDEX transit_gateway_attachments_resource ON transit_gateway_attachments (resource_id, seq);
CREATE INDEX transit_gateway_attachments_state ON transit_gateway_attachments (account, region, state);
CREATE INDEX transit_gateway_attachments_peer ON transit_gateway_attachments (peer_attachment_id) WHERE peer_attachment_id IS NOT NULL;
-- tags are keyed by resource id and shared by both sides: they go when the last row of the id does
CREATE TRIGGER transit_gateway_attachments_tags AFTER DELETE ON transit_gateway_attachments
  WHEN NOT EXISTS (SELECT 1 FROM transit_gateway_attachments WHERE id = OLD.id)
BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- One association per attachment per scope (each side of a peering associates its own row).
CREATE TABLE transit_gateway_associations_022 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL, -- the attachment id
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  route_table_id TEXT NOT NULL,
  state TEXT NOT NULL,
  UNIQUE (id, account, region)
);
INSERT INTO transit_gateway_associations_022 (seq, id, account, region, route_table_id, state)
SELECT seq, id, account, region, route_table_id, state FROM transit_gateway_associations;
DROP TABLE transit_gateway_associations;
ALTER TABLE transit_gateway_associations_022 RENAME TO transit_gateway_associations;
CREATE INDEX transit_gateway_associations_table ON transit_gateway_associations (route_table_id, seq);
