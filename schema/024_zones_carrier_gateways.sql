-- Zone groups an account opted in to (Local Zones, Wavelength Zones), and carrier gateways (issues 16 and 17).
-- See docs/behavior.md "Availability Zones, Local Zones and Wavelength Zones" and "Carrier gateways".

-- ModifyAvailabilityZoneGroup OptInStatus=opted-in: one row per account, region and group.
CREATE TABLE zone_group_opt_ins (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  group_name TEXT NOT NULL,
  opted_in_at INTEGER NOT NULL,
  PRIMARY KEY (account, region, group_name)
) WITHOUT ROWID;

CREATE TABLE carrier_gateways (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL,
  -- pending | available | deleting | deleted
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX carrier_gateways_scope ON carrier_gateways (account, region, seq);
CREATE INDEX carrier_gateways_vpc ON carrier_gateways (vpc_id);
CREATE TRIGGER carrier_gateways_tags AFTER DELETE ON carrier_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
