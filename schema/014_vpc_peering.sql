-- VPC peering connections (docs/behavior.md "VPC peering").
--
-- A connection joins two scopes: the requester's (account, region) and the accepter's, which may be another
-- account and/or region of the same emulator. The connection is one row; each scope that sees it has a row in
-- vpc_peering_sides (one for a same-account same-region peering, two otherwise), which carries the seq that
-- Describe pages over in that scope. The VPC columns are copies (a connection outlives its VPCs and shows what it
-- joined), so there are no foreign keys.
CREATE TABLE vpc_peering_connections (
  id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  requester_vpc_id TEXT NOT NULL,
  requester_cidr TEXT NOT NULL,
  accepter_account TEXT NOT NULL,
  accepter_region TEXT NOT NULL,
  accepter_vpc_id TEXT NOT NULL,
  -- the accepter VPC's primary CIDR, known once the back end found the VPC
  accepter_cidr TEXT,
  -- initiating-request | pending-acceptance | active | rejected | failed | deleted
  status_code TEXT NOT NULL,
  status_message TEXT NOT NULL,
  requester_allow_dns INTEGER NOT NULL DEFAULT 0,
  accepter_allow_dns INTEGER NOT NULL DEFAULT 0,
  expiration_time INTEGER,
  created_at INTEGER NOT NULL,
  ended_at INTEGER
) WITHOUT ROWID;
CREATE INDEX vpc_peering_requester_vpc ON vpc_peering_connections (requester_vpc_id);
CREATE INDEX vpc_peering_accepter_vpc ON vpc_peering_connections (accepter_vpc_id);
CREATE INDEX vpc_peering_status ON vpc_peering_connections (status_code);
CREATE TRIGGER vpc_peering_tags AFTER DELETE ON vpc_peering_connections BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

CREATE TABLE vpc_peering_sides (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL REFERENCES vpc_peering_connections (id) ON DELETE CASCADE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  UNIQUE (id, account, region)
);
CREATE INDEX vpc_peering_sides_scope ON vpc_peering_sides (account, region, seq);

-- Routes through a peering connection; re-derived when the connection changes state.
ALTER TABLE routes ADD COLUMN vpc_peering_connection_id TEXT;
CREATE INDEX routes_vpc_peering ON routes (vpc_peering_connection_id) WHERE vpc_peering_connection_id IS NOT NULL;
