-- Instances, network interfaces (ENIs), their private addresses and attachments, Elastic/public addresses,
-- key pairs, operator instance-type limits and the back end's pending transitions.
-- Resources belong to the interface, not the instance: private IPs, the public/Elastic association and the
-- security groups hang off network_interfaces; an instance only links to ENIs through attachments.

CREATE TABLE instances (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  reservation_id TEXT NOT NULL,
  requester_id TEXT,
  image_id TEXT NOT NULL,
  instance_type TEXT NOT NULL,
  availability_zone TEXT NOT NULL,
  -- the VPC and subnet of the primary interface at launch (an instance never changes VPC)
  vpc_id TEXT NOT NULL,
  subnet_id TEXT NOT NULL,
  -- pending | running | stopping | stopped | shutting-down | terminated
  state TEXT NOT NULL,
  state_transition_reason TEXT NOT NULL DEFAULT '',
  state_reason_code TEXT,
  state_reason_message TEXT,
  launch_time INTEGER NOT NULL,
  ami_launch_index INTEGER NOT NULL DEFAULT 0,
  key_name TEXT,
  user_data TEXT,
  client_token TEXT NOT NULL DEFAULT '',
  disable_api_termination INTEGER NOT NULL DEFAULT 0,
  disable_api_stop INTEGER NOT NULL DEFAULT 0,
  shutdown_behavior TEXT NOT NULL DEFAULT 'stop',
  ebs_optimized INTEGER NOT NULL DEFAULT 0,
  monitoring TEXT NOT NULL DEFAULT 'disabled',
  tenancy TEXT NOT NULL DEFAULT 'default',
  architecture TEXT NOT NULL DEFAULT 'x86_64',
  platform TEXT,
  root_device_name TEXT NOT NULL DEFAULT '/dev/xvda',
  http_tokens TEXT NOT NULL DEFAULT 'optional',
  http_endpoint TEXT NOT NULL DEFAULT 'enabled',
  http_put_response_hop_limit INTEGER NOT NULL DEFAULT 1,
  http_protocol_ipv6 TEXT NOT NULL DEFAULT 'disabled',
  instance_metadata_tags TEXT NOT NULL DEFAULT 'disabled',
  -- the primary interface gets a public IP at every start (released at stop, as AWS does)
  auto_public_ip INTEGER NOT NULL DEFAULT 0,
  -- the simulated node (NC) the instance runs on, for the broadcast document
  node_host TEXT NOT NULL DEFAULT '',
  terminated_at INTEGER
);
CREATE INDEX instances_scope ON instances (account, region, seq);
CREATE INDEX instances_reservation ON instances (reservation_id);
CREATE INDEX instances_state ON instances (account, region, state);
CREATE INDEX instances_vpc ON instances (vpc_id);
CREATE INDEX instances_terminated ON instances (terminated_at) WHERE terminated_at IS NOT NULL;

CREATE TABLE network_interfaces (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  subnet_id TEXT NOT NULL REFERENCES subnets (id),
  vpc_id TEXT NOT NULL REFERENCES vpcs (id),
  availability_zone TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  mac_address TEXT NOT NULL UNIQUE,
  interface_type TEXT NOT NULL DEFAULT 'interface',
  source_dest_check INTEGER NOT NULL DEFAULT 1,
  requester_managed INTEGER NOT NULL DEFAULT 0,
  requester_id TEXT,
  -- the primary private IPv4, denormalised from private_ips for listing and filtering
  private_ip TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX network_interfaces_scope ON network_interfaces (account, region, seq);
CREATE INDEX network_interfaces_subnet ON network_interfaces (subnet_id, seq);
CREATE INDEX network_interfaces_vpc ON network_interfaces (vpc_id, seq);
CREATE INDEX network_interfaces_private_ip ON network_interfaces (account, region, private_ip);
CREATE INDEX network_interfaces_description ON network_interfaces (account, region, description);

-- One row per private IPv4 in use. The primary key makes a double allocation impossible, whatever the timing.
CREATE TABLE private_ips (
  subnet_id TEXT NOT NULL REFERENCES subnets (id),
  ip_int INTEGER NOT NULL,
  ip TEXT NOT NULL,
  network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id) ON DELETE CASCADE,
  is_primary INTEGER NOT NULL DEFAULT 0,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  PRIMARY KEY (subnet_id, ip_int)
) WITHOUT ROWID;
CREATE INDEX private_ips_eni ON private_ips (network_interface_id, is_primary DESC, ip_int);
CREATE INDEX private_ips_ip ON private_ips (account, region, ip);
CREATE TRIGGER private_ips_used_add AFTER INSERT ON private_ips
BEGIN UPDATE subnets SET used_ips = used_ips + 1 WHERE id = NEW.subnet_id; END;
CREATE TRIGGER private_ips_used_remove AFTER DELETE ON private_ips
BEGIN
  UPDATE subnets SET used_ips = used_ips - 1, alloc_hint = min(alloc_hint, OLD.ip_int) WHERE id = OLD.subnet_id;
END;

CREATE TABLE network_interface_groups (
  network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id) ON DELETE CASCADE,
  group_id TEXT NOT NULL REFERENCES security_groups (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (network_interface_id, group_id)
) WITHOUT ROWID;
CREATE INDEX network_interface_groups_group ON network_interface_groups (group_id);

-- An ENI has at most one attachment; an instance has at most one ENI per (card, device index), counting
-- attaching and detaching ones. A detach that completes deletes the row (AWS never shows `detached`).
CREATE TABLE attachments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  network_interface_id TEXT NOT NULL UNIQUE REFERENCES network_interfaces (id) ON DELETE CASCADE,
  instance_id TEXT NOT NULL REFERENCES instances (id),
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  device_index INTEGER NOT NULL,
  network_card_index INTEGER NOT NULL DEFAULT 0,
  -- attaching | attached | detaching
  status TEXT NOT NULL,
  attach_time INTEGER NOT NULL,
  delete_on_termination INTEGER NOT NULL DEFAULT 0,
  UNIQUE (instance_id, network_card_index, device_index)
);
CREATE INDEX attachments_instance ON attachments (instance_id, device_index);

-- Permissions an interface's owner grants another account or service (stored and listed; always granted).
CREATE TABLE network_interface_permissions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id) ON DELETE CASCADE,
  aws_account_id TEXT,
  aws_service TEXT,
  permission TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'granted'
);
CREATE INDEX network_interface_permissions_scope ON network_interface_permissions (account, region, seq);

-- Elastic IPs (allocation_id set) and public IPs assigned at launch (allocation_id NULL, released at stop).
CREATE TABLE addresses (
  seq INTEGER PRIMARY KEY,
  public_ip TEXT NOT NULL UNIQUE,
  public_ip_int INTEGER NOT NULL UNIQUE,
  allocation_id TEXT UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  domain TEXT NOT NULL DEFAULT 'vpc',
  association_id TEXT UNIQUE,
  network_interface_id TEXT REFERENCES network_interfaces (id),
  private_ip TEXT
);
CREATE INDEX addresses_scope ON addresses (account, region, seq);
CREATE INDEX addresses_eni ON addresses (network_interface_id);

CREATE TABLE key_pairs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  key_type TEXT NOT NULL,
  public_key TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (account, region, name)
);

-- Operator changes to an instance type (Eucalyptus VmTypesManager); the fixture holds the defaults.
CREATE TABLE instance_type_overrides (
  name TEXT PRIMARY KEY,
  max_network_interfaces INTEGER,
  cpu INTEGER,
  disk INTEGER,
  memory INTEGER
) WITHOUT ROWID;

-- The back end's schedule: what becomes what, when. Applied in due order, each in the request's transaction
-- or the tick's own.
CREATE TABLE transitions (
  seq INTEGER PRIMARY KEY,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- instance | attachment
  kind TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  UNIQUE (kind, resource_id)
);
CREATE INDEX transitions_due ON transitions (due_at, seq);

CREATE TRIGGER instances_tags AFTER DELETE ON instances BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER network_interfaces_tags AFTER DELETE ON network_interfaces BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER addresses_tags AFTER DELETE ON addresses BEGIN DELETE FROM tags WHERE resource_id = OLD.allocation_id; END;
CREATE TRIGGER key_pairs_tags AFTER DELETE ON key_pairs BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
