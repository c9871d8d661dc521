-- Per-subnet address layout, so that network managers other than the VPC one (nova-style Flat, FlatDHCP, VLAN)
-- can present their networks as subnets with their own reserved addresses and MAC prefix.
-- EC2 reserves the first four addresses and the last one of a subnet; nova reserves network + gateway (+ the VPN
-- address in VLAN mode) and the broadcast address. EC2 MACs start with 02:, nova's with 02:16:3e:.
ALTER TABLE subnets ADD COLUMN reserved_low INTEGER NOT NULL DEFAULT 4;
ALTER TABLE subnets ADD COLUMN reserved_high INTEGER NOT NULL DEFAULT 1;
ALTER TABLE subnets ADD COLUMN mac_prefix TEXT NOT NULL DEFAULT '02';
