-- Prefix delegation and subnet CIDR reservations (issue 15, part 2). See docs/behavior.md "Prefix delegation"
-- and "Subnet CIDR reservations".

-- IPv4 /28 prefixes of interfaces, aligned on 16 addresses. The primary key makes a double allocation impossible,
-- and the triggers below keep prefixes and single addresses apart whatever the timing (a prefix's block is
-- found from any of its addresses as ip - ip % 16).
CREATE TABLE ipv4_prefixes (
  subnet_id TEXT NOT NULL REFERENCES subnets (id),
  -- first address of the /28, as an integer
  base_int INTEGER NOT NULL,
  -- '10.0.0.16/28'
  prefix TEXT NOT NULL,
  network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id) ON DELETE CASCADE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  PRIMARY KEY (subnet_id, base_int)
) WITHOUT ROWID;
CREATE INDEX ipv4_prefixes_eni ON ipv4_prefixes (network_interface_id, base_int);
CREATE INDEX ipv4_prefixes_prefix ON ipv4_prefixes (account, region, prefix);
-- a /28 takes 16 addresses of the subnet's count
CREATE TRIGGER ipv4_prefixes_used_add AFTER INSERT ON ipv4_prefixes
BEGIN UPDATE subnets SET used_ips = used_ips + 16 WHERE id = NEW.subnet_id; END;
CREATE TRIGGER ipv4_prefixes_used_remove AFTER DELETE ON ipv4_prefixes
BEGIN
  UPDATE subnets SET used_ips = used_ips - 16, alloc_hint = min(alloc_hint, OLD.base_int) WHERE id = OLD.subnet_id;
END;
CREATE TRIGGER ipv4_prefixes_no_overlap BEFORE INSERT ON ipv4_prefixes
WHEN EXISTS (SELECT 1 FROM private_ips WHERE subnet_id = NEW.subnet_id AND ip_int >= NEW.base_int AND ip_int < NEW.base_int + 16)
BEGIN SELECT RAISE(ABORT, 'ipv4 prefix overlaps an address'); END;
CREATE TRIGGER private_ips_not_in_prefix BEFORE INSERT ON private_ips
WHEN EXISTS (SELECT 1 FROM ipv4_prefixes WHERE subnet_id = NEW.subnet_id AND base_int = NEW.ip_int - NEW.ip_int % 16)
BEGIN SELECT RAISE(ABORT, 'address inside an ipv4 prefix'); END;

-- IPv6 /80 prefixes of interfaces, inside the subnet's /64; one row each, unique per subnet.
CREATE TABLE ipv6_prefixes (
  subnet_id TEXT NOT NULL REFERENCES subnets (id),
  -- canonical text, '2600:1f18:…:1::/80'
  prefix TEXT NOT NULL,
  network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id) ON DELETE CASCADE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (subnet_id, prefix)
) WITHOUT ROWID;
CREATE INDEX ipv6_prefixes_eni ON ipv6_prefixes (network_interface_id, seq);
CREATE INDEX ipv6_prefixes_prefix ON ipv6_prefixes (account, region, prefix);

-- Subnet CIDR reservations (scr-…): `prefix` ones are where automatic prefixes come from first, `explicit` ones
-- are never picked automatically. They go with their subnet.
CREATE TABLE subnet_cidr_reservations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  subnet_id TEXT NOT NULL REFERENCES subnets (id) ON DELETE CASCADE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- 4 | 6
  family INTEGER NOT NULL,
  cidr TEXT NOT NULL,
  -- IPv4: first address and size as integers; IPv6: NULL (compared as big integers in the domain)
  cidr_base INTEGER,
  cidr_size INTEGER,
  reservation_type TEXT NOT NULL,
  description TEXT
);
CREATE INDEX subnet_cidr_reservations_subnet ON subnet_cidr_reservations (subnet_id, family, seq);
CREATE INDEX subnet_cidr_reservations_scope ON subnet_cidr_reservations (account, region, seq);
CREATE TRIGGER subnet_cidr_reservations_tags AFTER DELETE ON subnet_cidr_reservations
BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER subnet_cidr_reservations_hint AFTER DELETE ON subnet_cidr_reservations
WHEN OLD.family = 4
BEGIN UPDATE subnets SET alloc_hint = min(alloc_hint, OLD.cidr_base) WHERE id = OLD.subnet_id; END;
