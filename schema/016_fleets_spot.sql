-- EC2 Fleets and Spot Instance requests (docs/behavior.md "Fleets and spot").
--
-- A fleet keeps its request as given (launch template configs, options) in `request` (JSON), and its capacity in
-- columns since ModifyFleet changes it. Its instances are found by instances.fleet_id (schema 013), so they stay
-- listed by DescribeFleetInstances while they run and leave it when they terminate.
CREATE TABLE fleets (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- instant | request | maintain
  type TEXT NOT NULL,
  -- submitted | active | modifying | deleted | deleted_running | deleted_terminating | failed
  state TEXT NOT NULL,
  activity_status TEXT,
  request TEXT NOT NULL,
  total_target_capacity INTEGER NOT NULL,
  on_demand_target_capacity INTEGER,
  spot_target_capacity INTEGER,
  default_target_capacity_type TEXT NOT NULL,
  fulfilled_capacity REAL NOT NULL DEFAULT 0,
  fulfilled_on_demand_capacity REAL NOT NULL DEFAULT 0,
  excess_capacity_termination_policy TEXT,
  client_token TEXT,
  -- the launch answers of an instant fleet (Instances and Errors, JSON), shown again by DescribeFleets
  launch_result TEXT,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX fleets_scope ON fleets (account, region, seq);
CREATE INDEX fleets_state ON fleets (account, region, state);
CREATE INDEX fleets_deleted ON fleets (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE TRIGGER fleets_tags AFTER DELETE ON fleets BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- DescribeFleetHistory: what happened to a fleet, in order.
CREATE TABLE fleet_events (
  seq INTEGER PRIMARY KEY,
  fleet_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  -- instance-change | fleet-change | service-error
  event_type TEXT NOT NULL,
  event_subtype TEXT,
  instance_id TEXT,
  description TEXT
);
CREATE INDEX fleet_events_fleet ON fleet_events (fleet_id, at, seq);
CREATE TRIGGER fleets_events AFTER DELETE ON fleets BEGIN DELETE FROM fleet_events WHERE fleet_id = OLD.id; END;

CREATE TABLE spot_instance_requests (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- one-time | persistent
  type TEXT NOT NULL,
  -- open | active | closed | cancelled | failed
  state TEXT NOT NULL,
  status_code TEXT NOT NULL,
  status_message TEXT NOT NULL,
  status_update_time INTEGER NOT NULL,
  spot_price TEXT NOT NULL,
  -- RequestSpotLaunchSpecification as given (JSON)
  launch_specification TEXT NOT NULL,
  instance_id TEXT,
  launched_availability_zone TEXT,
  interruption_behavior TEXT NOT NULL,
  valid_from INTEGER,
  valid_until INTEGER,
  launch_group TEXT,
  availability_zone_group TEXT,
  client_token TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX spot_instance_requests_scope ON spot_instance_requests (account, region, seq);
CREATE INDEX spot_instance_requests_state ON spot_instance_requests (account, region, state);
CREATE INDEX spot_instance_requests_instance ON spot_instance_requests (instance_id) WHERE instance_id IS NOT NULL;
CREATE TRIGGER spot_instance_requests_tags AFTER DELETE ON spot_instance_requests BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- What launched an instance: InstanceLifecycle `spot`, its Spot request, its fleet.
ALTER TABLE instances ADD COLUMN instance_lifecycle TEXT;
ALTER TABLE instances ADD COLUMN spot_instance_request_id TEXT;
ALTER TABLE instances ADD COLUMN fleet_id TEXT;
-- the capacity units the instance counts for in its fleet (its override's WeightedCapacity)
ALTER TABLE instances ADD COLUMN fleet_weight REAL;
CREATE INDEX instances_fleet ON instances (fleet_id, seq) WHERE fleet_id IS NOT NULL;
CREATE INDEX instances_spot_request ON instances (spot_instance_request_id) WHERE spot_instance_request_id IS NOT NULL;
