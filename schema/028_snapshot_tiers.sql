-- EBS Snapshots Archive (ModifySnapshotTier, RestoreSnapshotTier, DescribeSnapshotTierStatus).
--
-- storage_tier is where the snapshot's data is now: standard, or archive (also while a temporary restore lasts).
-- tiering_status is the status of the last archive or restore operation (AWS's LastTieringOperationStatus), null
-- before the first one; its *-in-progress states end through the back end.
ALTER TABLE snapshots ADD COLUMN storage_tier TEXT NOT NULL DEFAULT 'standard';
ALTER TABLE snapshots ADD COLUMN tiering_status TEXT;
ALTER TABLE snapshots ADD COLUMN tiering_started_at INTEGER;
ALTER TABLE snapshots ADD COLUMN archived_at INTEGER;
-- a temporary restore's days (counted from its completion) and its end (the snapshot is archived again then)
ALTER TABLE snapshots ADD COLUMN restore_days INTEGER;
ALTER TABLE snapshots ADD COLUMN restore_expires_at INTEGER;
-- DescribeSnapshots Filter storage-tier=archive at scale
CREATE INDEX snapshots_storage_tier ON snapshots (account, region, storage_tier, seq);
