-- Account-owned images (CreateImage, RegisterImage, CopyImage) beside the fixed catalog of fixtures/images.json,
-- who may launch them, and which snapshots back them (docs/behavior.md "Images").

CREATE TABLE images (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  -- pending | available
  state TEXT NOT NULL,
  architecture TEXT NOT NULL,
  virtualization_type TEXT NOT NULL,
  hypervisor TEXT NOT NULL DEFAULT 'xen',
  ena_support INTEGER,
  sriov_net_support TEXT,
  boot_mode TEXT,
  tpm_support TEXT,
  imds_support TEXT,
  platform TEXT,
  kernel_id TEXT,
  ramdisk_id TEXT,
  root_device_name TEXT NOT NULL,
  root_device_type TEXT NOT NULL DEFAULT 'ebs',
  image_location TEXT NOT NULL,
  -- CreateImage's instance, CopyImage's source (AWS shows SourceInstanceId / SourceImageId / SourceImageRegion)
  source_instance_id TEXT,
  source_image_id TEXT,
  source_region TEXT,
  -- BlockDeviceMappings as the API shows them (JSON array of BlockDeviceMapping)
  block_devices TEXT NOT NULL,
  deregistration_protection INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX images_scope ON images (account, region, seq);
-- AMI names are unique per account and region (InvalidAMIName.Duplicate)
CREATE UNIQUE INDEX images_name ON images (account, region, name);
CREATE INDEX images_region ON images (region, seq);

-- launchPermission: an account id, or 'all' (public).
CREATE TABLE image_permissions (
  image_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  grantee TEXT NOT NULL,
  PRIMARY KEY (image_id, grantee)
) WITHOUT ROWID;
CREATE INDEX image_permissions_grantee ON image_permissions (grantee, image_id);

-- The snapshots of each image's block device mappings: DeleteSnapshot is refused while one uses it.
CREATE TABLE image_snapshots (
  snapshot_id TEXT NOT NULL,
  image_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
  PRIMARY KEY (snapshot_id, image_id)
) WITHOUT ROWID;
CREATE INDEX image_snapshots_image ON image_snapshots (image_id);

CREATE TRIGGER images_tags AFTER DELETE ON images BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
