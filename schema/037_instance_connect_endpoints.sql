-- EC2 Instance Connect Endpoints: one requester-managed interface in a subnet. state: create-in-progress,
-- create-complete, delete-in-progress (the row and its interface go when the delete completes).
CREATE TABLE instance_connect_endpoints (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL,
  subnet_id TEXT NOT NULL,
  availability_zone TEXT NOT NULL,
  network_interface_id TEXT,
  preserve_client_ip INTEGER NOT NULL,
  security_group_ids TEXT NOT NULL,
  ip_address_type TEXT NOT NULL,
  dns_token TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX instance_connect_endpoints_scope ON instance_connect_endpoints (account, region, seq);
CREATE TRIGGER instance_connect_endpoints_tags AFTER DELETE ON instance_connect_endpoints BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
