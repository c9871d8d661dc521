-- EBS volumes, their attachments to instances, snapshots, who may restore a snapshot, volume modifications and
-- the per-scope encryption-by-default setting (docs/behavior.md "Volumes and snapshots").

CREATE TABLE volumes (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  availability_zone TEXT NOT NULL,
  size INTEGER NOT NULL,
  -- '' when the volume was not made from a snapshot (AWS shows an empty SnapshotId)
  snapshot_id TEXT NOT NULL DEFAULT '',
  volume_type TEXT NOT NULL,
  iops INTEGER,
  throughput INTEGER,
  encrypted INTEGER NOT NULL DEFAULT 0,
  kms_key_id TEXT,
  multi_attach INTEGER NOT NULL DEFAULT 0,
  auto_enable_io INTEGER NOT NULL DEFAULT 0,
  -- creating | available | in-use (state follows the attachments)
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX volumes_scope ON volumes (account, region, seq);
CREATE INDEX volumes_snapshot ON volumes (snapshot_id, seq);
CREATE INDEX volumes_state ON volumes (account, region, state, seq);
CREATE INDEX volumes_zone ON volumes (account, region, availability_zone, seq);

-- One row per (volume, instance); several only for Multi-Attach volumes. A finished detach deletes the row.
CREATE TABLE volume_attachments (
  seq INTEGER PRIMARY KEY,
  volume_id TEXT NOT NULL REFERENCES volumes (id) ON DELETE CASCADE,
  instance_id TEXT NOT NULL REFERENCES instances (id),
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  device TEXT NOT NULL,
  -- attaching | attached | detaching
  status TEXT NOT NULL,
  attach_time INTEGER NOT NULL,
  delete_on_termination INTEGER NOT NULL DEFAULT 0,
  UNIQUE (volume_id, instance_id),
  UNIQUE (instance_id, device)
);
CREATE INDEX volume_attachments_instance ON volume_attachments (instance_id, seq);

CREATE TABLE snapshots (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- the source volume; vol-ffffffff for copies, as AWS shows them
  volume_id TEXT NOT NULL,
  volume_size INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  encrypted INTEGER NOT NULL DEFAULT 0,
  kms_key_id TEXT,
  -- pending | completed
  state TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  completed_at INTEGER,
  -- 'amazon' for the snapshots behind the public images of fixtures/images.json
  owner_alias TEXT
);
CREATE INDEX snapshots_scope ON snapshots (account, region, seq);
CREATE INDEX snapshots_region ON snapshots (region, seq);
CREATE INDEX snapshots_volume ON snapshots (volume_id);

-- createVolumePermission: an account id, or 'all' (public).
CREATE TABLE snapshot_permissions (
  snapshot_id TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  grantee TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, grantee)
) WITHOUT ROWID;
CREATE INDEX snapshot_permissions_grantee ON snapshot_permissions (grantee, snapshot_id);

-- The latest modification of each volume (DescribeVolumesModifications shows that one).
CREATE TABLE volume_modifications (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE REFERENCES volumes (id) ON DELETE CASCADE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- modifying | optimizing | completed
  state TEXT NOT NULL,
  original_size INTEGER NOT NULL,
  original_type TEXT NOT NULL,
  original_iops INTEGER,
  original_throughput INTEGER,
  original_multi_attach INTEGER NOT NULL,
  target_size INTEGER NOT NULL,
  target_type TEXT NOT NULL,
  target_iops INTEGER,
  target_throughput INTEGER,
  target_multi_attach INTEGER NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX volume_modifications_scope ON volume_modifications (account, region, seq);

CREATE TABLE ebs_defaults (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  encryption_by_default INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (account, region)
) WITHOUT ROWID;

CREATE TRIGGER volumes_tags AFTER DELETE ON volumes BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
CREATE TRIGGER snapshots_tags AFTER DELETE ON snapshots BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- From the image: 'ebs' or 'instance-store' (the root device name was already stored).
ALTER TABLE instances ADD COLUMN root_device_type TEXT NOT NULL DEFAULT 'ebs';
