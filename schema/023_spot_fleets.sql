-- Spot Fleet requests (RequestSpotFleet; docs/behavior.md "Spot Fleet requests").
--
-- A request keeps its SpotFleetRequestConfig as given (JSON) and, in columns, what ModifySpotFleetRequest changes.
-- Its instances are found by instances.fleet_id (schema 016) as an EC2 Fleet's are, and its history shares
-- fleet_events (event types are Spot Fleet's: fleetRequestChange, instanceChange, error, information).
CREATE TABLE spot_fleet_requests (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- request | maintain
  type TEXT NOT NULL,
  -- submitted | active | modifying | cancelled_running | cancelled_terminating | cancelled | failed
  state TEXT NOT NULL,
  activity_status TEXT,
  config TEXT NOT NULL,
  target_capacity INTEGER NOT NULL,
  on_demand_target_capacity INTEGER NOT NULL DEFAULT 0,
  fulfilled_capacity REAL NOT NULL DEFAULT 0,
  on_demand_fulfilled_capacity REAL NOT NULL DEFAULT 0,
  -- default | noTermination
  excess_capacity_termination_policy TEXT NOT NULL,
  client_token TEXT,
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER
);
CREATE INDEX spot_fleet_requests_scope ON spot_fleet_requests (account, region, seq);
CREATE INDEX spot_fleet_requests_token ON spot_fleet_requests (account, region, client_token) WHERE client_token IS NOT NULL;
CREATE TRIGGER spot_fleet_requests_tags AFTER DELETE ON spot_fleet_requests BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER spot_fleet_requests_events AFTER DELETE ON spot_fleet_requests BEGIN DELETE FROM fleet_events WHERE fleet_id = OLD.id; END;
