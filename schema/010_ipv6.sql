-- IPv6 and secondary CIDRs (issue 15, part 1). See docs/behavior.md "VPC CIDR blocks", "Subnet IPv6 and
-- attributes", "Egress-only internet gateways and IPv6 routes" and "IPv6 addresses on interfaces".

-- CIDR blocks of a VPC beyond its primary IPv4 one (which stays in vpcs.cidr / cidr_association_id):
-- secondary IPv4 blocks and the Amazon-provided IPv6 /56. A disassociated block is deleted.
CREATE TABLE vpc_cidr_blocks (
  seq INTEGER PRIMARY KEY,
  -- vpc-cidr-assoc-…
  id TEXT NOT NULL UNIQUE,
  vpc_id TEXT NOT NULL REFERENCES vpcs (id) ON DELETE CASCADE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- 4 | 6
  family INTEGER NOT NULL,
  cidr TEXT NOT NULL,
  -- IPv4 blocks: first address and size as integers (containment, overlap); NULL for IPv6
  cidr_base INTEGER,
  cidr_size INTEGER,
  -- IPv6: the /56's index in the scope's pool (lowest free first), its pool and border group
  pool_index INTEGER,
  ipv6_pool TEXT,
  network_border_group TEXT
);
CREATE INDEX vpc_cidr_blocks_vpc ON vpc_cidr_blocks (vpc_id, family, seq);
CREATE INDEX vpc_cidr_blocks_cidr ON vpc_cidr_blocks (account, region, cidr);
-- one /56 of a scope's pool belongs to one VPC
CREATE UNIQUE INDEX vpc_cidr_blocks_pool ON vpc_cidr_blocks (account, region, pool_index) WHERE pool_index IS NOT NULL;

-- A subnet's IPv6 /64 (at most one; subnet-cidr-assoc-…), IPv6-only subnets, and the launch attributes
-- ModifySubnetAttribute stores. An IPv6-only subnet has cidr '' and cidr_size 0 (no IPv4 addresses).
ALTER TABLE subnets ADD COLUMN ipv6_cidr TEXT;
ALTER TABLE subnets ADD COLUMN ipv6_association_id TEXT;
ALTER TABLE subnets ADD COLUMN ipv6_native INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subnets ADD COLUMN assign_ipv6_on_creation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subnets ADD COLUMN enable_dns64 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subnets ADD COLUMN hostname_type TEXT NOT NULL DEFAULT 'ip-name';
ALTER TABLE subnets ADD COLUMN dns_a_record INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subnets ADD COLUMN dns_aaaa_record INTEGER NOT NULL DEFAULT 0;
-- every subnet IPv6 block is a /64, so two overlap only when equal
CREATE UNIQUE INDEX subnets_ipv6 ON subnets (vpc_id, ipv6_cidr) WHERE ipv6_cidr IS NOT NULL;
CREATE INDEX subnets_ipv6_association ON subnets (ipv6_association_id) WHERE ipv6_association_id IS NOT NULL;

CREATE TABLE egress_only_internet_gateways (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL REFERENCES vpcs (id)
);
CREATE INDEX egress_only_internet_gateways_scope ON egress_only_internet_gateways (account, region, seq);
CREATE INDEX egress_only_internet_gateways_vpc ON egress_only_internet_gateways (vpc_id);
CREATE TRIGGER egress_only_internet_gateways_tags AFTER DELETE ON egress_only_internet_gateways
BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- Routes to an egress-only gateway keep its id in routes.gateway_id (the view shows it as
-- EgressOnlyInternetGatewayId); IPv6 destinations live in routes.destination_cidr (they contain ':').

-- IPv6 addresses of interfaces: one row per address, unique per subnet whatever the timing.
CREATE TABLE ipv6_addresses (
  subnet_id TEXT NOT NULL REFERENCES subnets (id),
  address TEXT NOT NULL,
  network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id) ON DELETE CASCADE,
  is_primary INTEGER NOT NULL DEFAULT 0,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (subnet_id, address)
) WITHOUT ROWID;
CREATE INDEX ipv6_addresses_eni ON ipv6_addresses (network_interface_id, seq);
CREATE INDEX ipv6_addresses_address ON ipv6_addresses (account, region, address);
