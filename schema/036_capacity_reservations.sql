-- On-Demand Capacity Reservations (CreateCapacityReservation and friends). An instance that runs in one records it
-- (instances.capacity_reservation_id); the reservation's available count is its total minus its pending and running
-- instances, worked out when read. state: scheduled | active | expired | cancelled, moved by the back end at the
-- start and end dates.
CREATE TABLE capacity_reservations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  instance_type TEXT NOT NULL,
  instance_platform TEXT NOT NULL,
  availability_zone TEXT NOT NULL,
  tenancy TEXT NOT NULL,
  total_instance_count INTEGER NOT NULL,
  ebs_optimized INTEGER NOT NULL,
  ephemeral_storage INTEGER NOT NULL,
  state TEXT NOT NULL,
  start_date INTEGER NOT NULL,
  end_date INTEGER,
  end_date_type TEXT NOT NULL,
  instance_match_criteria TEXT NOT NULL,
  placement_group_arn TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX capacity_reservations_scope ON capacity_reservations (account, region, seq);
-- the open reservations a launch can fall into, by what it must match
CREATE INDEX capacity_reservations_match ON capacity_reservations (account, region, instance_type, availability_zone) WHERE state = 'active';
CREATE TRIGGER capacity_reservations_tags AFTER DELETE ON capacity_reservations BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

ALTER TABLE instances ADD COLUMN capacity_reservation_id TEXT;
CREATE INDEX instances_capacity_reservation ON instances (capacity_reservation_id) WHERE capacity_reservation_id IS NOT NULL;
