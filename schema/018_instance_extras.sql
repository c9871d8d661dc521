-- Instance extras (docs/behavior.md "Instance extras" and "Placement groups").
--
-- cpu_credits: the credit option set by RunInstances' CreditSpecification or ModifyInstanceCreditSpecification;
-- NULL means the type's default (t2: standard, other burstable types: unlimited), so existing rows keep theirs.
ALTER TABLE instances ADD COLUMN cpu_credits TEXT;
CREATE INDEX instances_cpu_credits ON instances (account, region, cpu_credits) WHERE cpu_credits IS NOT NULL;
-- HibernationOptions.Configured as RunInstances asked.
ALTER TABLE instances ADD COLUMN hibernation_configured INTEGER NOT NULL DEFAULT 0;
-- The placement group the instance was launched into (none: NULL) and its partition (partition groups only).
ALTER TABLE instances ADD COLUMN placement_group_id TEXT;
ALTER TABLE instances ADD COLUMN partition_number INTEGER;
CREATE INDEX instances_placement_group ON instances (placement_group_id, availability_zone) WHERE placement_group_id IS NOT NULL;

CREATE TABLE placement_groups (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  -- cluster | spread | partition
  strategy TEXT NOT NULL,
  -- spread groups only: rack | host
  spread_level TEXT,
  -- partition groups only: 1..7
  partition_count INTEGER,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX placement_groups_scope ON placement_groups (account, region, seq);
CREATE UNIQUE INDEX placement_groups_name ON placement_groups (account, region, name);
CREATE TRIGGER placement_groups_tags AFTER DELETE ON placement_groups BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- Dedicated hosts (docs/behavior.md "Dedicated hosts"). A host is sized for one instance type, or for a family
-- (then any size of it fits, by vCPUs); released hosts stay visible (state released) until purged.
CREATE TABLE hosts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  availability_zone TEXT NOT NULL,
  instance_type TEXT,
  instance_family TEXT,
  -- on | off
  auto_placement TEXT NOT NULL,
  host_recovery TEXT NOT NULL,
  host_maintenance TEXT NOT NULL,
  total_vcpus INTEGER NOT NULL,
  state TEXT NOT NULL,
  client_token TEXT,
  allocated_at INTEGER NOT NULL,
  released_at INTEGER
);
CREATE INDEX hosts_scope ON hosts (account, region, seq);
CREATE INDEX hosts_placement ON hosts (account, region, availability_zone, state);
CREATE TRIGGER hosts_tags AFTER DELETE ON hosts BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
-- The dedicated host an instance runs on (Placement.Tenancy host).
ALTER TABLE instances ADD COLUMN host_id TEXT;
CREATE INDEX instances_host ON instances (host_id) WHERE host_id IS NOT NULL;
